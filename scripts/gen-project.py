#!/usr/bin/env python3
"""Writes a generated gongwen project for benchmarks: N units, M tasks, one notice.
usage: gen-project.py DIR [UNITS] [TASKS]"""
import os, random, sys

root = sys.argv[1]
n_units = int(sys.argv[2]) if len(sys.argv) > 2 else 200
n_tasks = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
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
        f.write(f"      - text: {text(rnd.randint(20, 90))}\n        lead: [{', '.join(f'u{x}' for x in lead)}]\n")
        if sup:
            f.write(f"        support: [{', '.join(f'u{x}' for x in sup)}]\n")
with open(os.path.join(content, "notices", "big.md"), "w") as f:
    f.write("---\nnumber: 某府办发〔2024〕1号\ntitle: 关于印发生成的工作任务清单的通知\nto: 区级各部门\nattachments: [tasks/big.yaml]\ndate: 2024-01-10\n---\n请认真贯彻落实。\n")
