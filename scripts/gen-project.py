#!/usr/bin/env python3
"""Writes a generated gongwen project for benchmarks: N units, M tasks, one notice, and with
--submissions a year-end summary from every unit that owes one.
usage: gen-project.py DIR [UNITS] [TASKS] [--submissions]"""
import os, random, sys

root = sys.argv[1]
args = [a for a in sys.argv[2:] if not a.startswith("--")]
n_units = int(args[0]) if args else 200
n_tasks = int(args[1]) if len(args) > 1 else 1000
with_submissions = "--submissions" in sys.argv
owed = {}
rnd = random.Random(42)
words = "优化营商环境推进政务服务改革创新落实督查宣传培训数据共享平台建设窗口办理企业市场主体政策措施"
def text(n):
    return "".join(rnd.choice(words) for _ in range(n)) + "。"
content = os.path.join(root, "content")
for d in ("notices", "tasks"):
    os.makedirs(os.path.join(content, d), exist_ok=True)
with open(os.path.join(content, "gongwen.yaml"), "w") as f:
    f.write("organ: 某某区人民政府办公室\nyear: 2024\n")
with open(os.path.join(content, "units.yaml"), "w") as f:
    f.write("units:\n")
    for i in range(n_units):
        f.write(f"  - id: u{i}\n    name: 区第{i}局\n")
    f.write("groups:\n  - id: all\n    name: 各区级部门\n    members: [" + ", ".join(f"u{i}" for i in range(0, n_units, 7)) + "]\n")
with open(os.path.join(content, "tasks", "big.yaml"), "w") as f:
    f.write("title: 生成的工作任务清单\nyear: 2024\ndue: 2024-12-31\ncategories:\n")
    per = max(1, n_tasks // 20)
    for t in range(n_tasks):
        if t % per == 0:
            f.write(f"  - name: 第{t // per + 1}类任务\n    tasks:\n")
        lead = rnd.sample(range(n_units), rnd.randint(1, 2))
        sup = rnd.sample(range(n_units), rnd.randint(0, 3))
        sup = [s for s in sup if s not in lead]
        for u in lead + sup:
            owed.setdefault(u, []).append(t + 1)
        f.write(f"      - text: {text(rnd.randint(20, 90))}\n        lead: [{', '.join(f'u{x}' for x in lead)}]\n")
        if sup:
            f.write(f"        support: [{', '.join(f'u{x}' for x in sup)}]\n")
with open(os.path.join(content, "notices", "big.md"), "w") as f:
    f.write("---\nnumber: 某府办发〔2024〕1号\ntitle: 关于印发生成的工作任务清单的通知\nto: 区级各部门\nattachments: [tasks/big.yaml]\ndate: 2024-01-10\n---\n请认真贯彻落实。\n")
if with_submissions:
    d = os.path.join(content, "submissions", "2024")
    os.makedirs(d, exist_ok=True)
    statuses = ["已完成", "推进中", "未启动"]
    for u, tasks in sorted(owed.items()):
        with open(os.path.join(d, f"u{u}.md"), "w") as f:
            f.write(f"---\nunit: u{u}\ndate: 2024-12-{rnd.randint(1, 31):02d}\ntasks:\n")
            for t in tasks:
                f.write(f"  - task: {t}\n    status: {rnd.choice(statuses)}\n    summary: {text(rnd.randint(30, 120))}\n")
            f.write("---\n" + "\n\n".join(text(rnd.randint(80, 200)) for _ in range(3)) + "\n")
