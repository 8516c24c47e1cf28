# output

# 模板和排版
template-unreadable = 无法读取模板：{ $reason }
template-parse = 模板有语法错误：{ $reason }
template-failed = 模板运行出错：{ $reason }
typst-template-problem-help = 这是模板的问题，不是内容的问题：运行 `gongwen build --emit-typst` 可查看生成的 Typst 源文件
typst-failed = 排版失败：{ $reason }
typst-failed-at = 排版失败：{ $reason }（生成文件第 { $line } 行：`{ $text }`）
typst-warns = Typst 提醒：{ $reason }
typst-warns-at = Typst 提醒：{ $reason }（生成文件第 { $line } 行：`{ $text }`）
typst-no-packages = 离线时不能使用扩展包（{ $spec }）
report-stray-pages = 汇编模板用 gw.borrowed({ $chapter }, …) 留出了页面，但 gongwen 没有这一章可放的排版页面：这些页面会是空白
report-stray-pages-help = 只用 gongwen 传给模板的 borrow 页数调用 gw.borrowed（为 0 时在原处排版这篇总结），参照内置的 report.typ

# Word 文件和网站
docx-cannot-write = 无法写出它的 .docx：{ $reason }
docx-cannot-write-help = 这是 gongwen 生成 Word 文件的缺陷，请报告
site-foreign-folder = 其中有不是 gongwen 写出的文件；生成网站会替换掉它们
site-foreign-folder-help = 请把该文件夹移走，或用 --out 文件夹 生成到别处
site-cannot-stage = 无法创建临时文件夹：{ $reason }
site-cannot-copy = 无法复制到网站中：{ $reason }
site-cannot-place = 无法放置新生成的网站：{ $reason }
site-cannot-move-old = 无法移开旧网站：{ $reason }

# 预览
serve-cannot-start = 无法启动预览：{ $reason }
serve-cannot-listen = 无法在 { $address } 上监听：{ $reason }
serve-localhost-only = gongwen serve 只回应发往本机（localhost）的请求（这是预览，不是网站服务器）
serve-not-found = 404 未找到
serve-rebuilt = 已重新生成：写出 { $written } 个文件，{ $kept } 个未变；网站 { $pages } 个网页，改动 { $changed } 个文件
