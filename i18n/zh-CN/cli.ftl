# 各命令的输出。

wrote = 已写出 { $path }
wrote-pages = 已写出 { $path }（{ $pages } 页）
wrote-site = 已写出 { $path }（{ $pages } 个网页，改动 { $changed } 个文件）
kept-files = 保留 { $n } 个未变的文件（已是最新）
removed = 已删除 { $path }
removed-stale = 已删除 { $path }（内容中已没有对应的文件）
nothing-to-remove = { $path } 中没有要删除的文件
checked-ok = 检查通过：{ $notices } 份通知、{ $lists } 份任务清单、{ $submissions } 份总结

fonts-not-found = 未找到：{ $families }（在 content/gongwen.yaml 的 `fonts: { $key }:` 中设置）
fonts-no-fallback = 各用途字体缺少的字：未找到后备字体（这些字会报错）
fonts-fallbacks = 各用途字体缺少的字改用以下字体显示：{ $families }（每个字都会给出警告）

unit-owes-nothing = { $unit }在{ $list }中没有牵头或配合的任务
unit-owes-nothing-help = 只有任务清单中列出（直接列出或通过分组列出）的单位需要报送总结
form-cannot-write = 无法写出表单：{ $reason }
no-year = 没有给出年度
no-year-help = 请加上 --year，或在 content/gongwen.yaml 中写明 `year:`
no-list-for-year = 没有 `year: { $year }` 的任务清单
no-list-for-year-help = 请用 --year 指定有任务清单的年度
new-notice-exists-help = 请直接修改该文件，或为新通知换一个发文字号
new-submission-exists-help = 请直接修改该文件，或先删除它再重新生成

import-nothing = 没有指定要读入的文件
import-nothing-help = 用法：gongwen import tasks 文件.xlsx，或 gongwen import submission 文件.docx
import-word-not-table = Word 文件不是任务表
import-word-not-table-help = 读入单位的年度工作总结：gongwen import submission { $file }
import-exists-help = 加上 --force 替换它（任务保留原编号），或用 --output 另选文件
import-unit-one-file = --unit 只能说明一个文件的报送单位
import-unit-one-file-help = 请把带 --unit 的文件单独读入
imported = 已读入 { $file } → { $path }

init-next = 下一步：cd { $dir } && gongwen build
init-exists = 文件已存在，未写入任何文件
init-exists-help = init 用于新建项目：请选择一个空文件夹（gongwen init 文件夹）

serving = 正在预览 { $url }（按 Ctrl-C 停止）
serving-network = 正在向网络提供预览 { $url }（按 Ctrl-C 停止）
serving-preview-note = 这是草稿预览，不是正式网站：运行期间能访问本机的人都能看到这些草稿；正式发布请用网站服务器发布 out/site
serve-no-browser = 无法打开浏览器（{ $reason }），请自行打开 { $url }

tasks-wrote-ids = 已为 { $path } 写入编号 t1 至 t{ $last }
tasks-have-ids = 每份任务清单都已有编号
tasks-lead = 牵头：{ $units }
tasks-support = 配合：{ $units }
tasks-member-of = 所属分组：{ $groups }
tasks-lead-count = 牵头：{ $n } 项
tasks-support-count = 配合：{ $n } 项
