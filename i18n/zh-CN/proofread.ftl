# proofread

# 标点
pr-half-width = 中文中用了半角的“{ $mark }”
pr-half-width-help = GB/T 15834 规定中文用全角标点：请写作“{ $wide }”
pr-straight-quote = 中文中用了直引号 `{ $mark }`
pr-straight-quote-help = 请写作 `{ $curly }`：中文用“ ”（其内用‘ ’）
pr-unopened = “{ $mark }”前面没有对应的“{ $opener }”
pr-unopened-help = 请在开始处补上“{ $opener }”，或删除这个“{ $mark }”
pr-unclosed = “{ $mark }”没有配对的后半
pr-unclosed-help = 请在结束处补上“{ $close }”，或删除这个“{ $mark }”
pr-single-outside = 单引号‘’用在了双引号之外
pr-single-outside-help = GB/T 15834 规定引号用“ ”，‘ ’只用在其内：请写作“…”
pr-double-inside = 双引号“”直接套在双引号内
pr-double-inside-help = “ ”之内请用‘ ’：“…‘…’…”
pr-comma-before-deng = “等”前面用了顿号
pr-comma-before-deng-help = 列举以“等”结束，前面不加顿号：请写作“等”
pr-double-stop = 两个标点连用：“{ $marks }”
pr-double-stop-help = 请保留句子需要的那一个
pr-title-stop = 标题末尾有“{ $mark }”
pr-title-stop-help = 标题末尾不加标点：请删除
pr-dash-typed = 用“{ $written }”当作破折号
pr-dash-typed-help = 破折号是两个占一字位置的横线：请写作“——”
pr-dash-single = 两个汉字之间只有一个“—”
pr-dash-single-help = 破折号是两个横线“——”；单个“—”只用于表示起止（北京—上海）

# 数字、日期和发文字号
pr-year-short = “{ $written }”中的年份只写了两位
pr-year-short-help = GB/T 15835 规定年份写全：2020年，不写 20年
pr-year-range = “{ $written }”中的起止用了“{ $mark }”
pr-year-range-help = GB/T 15834 规定时间的起止用一字线：请写作“{ $fixed }”
pr-date-zero = 日期“{ $written }”有前导零
pr-date-zero-help = GB/T 15835 规定日期不加前导零：请写作“{ $fixed }”
pr-docno-brackets = 发文字号“…{ $written }”的年份用了 { $brackets }
pr-docno-di = 发文字号“…{ $written }”的序号前有“第”字
pr-docno-zero = 发文字号“…{ $written }”的序号有前导零
pr-docno-help = GB/T 9704 规定年份用〔〕、序号不加“第”字也不编虚位：请写作“{ $fixed }”
pr-repeated = “{ $word }”写了两遍：“{ $written }”
pr-repeated-help = “{ $word }”只写一遍
pr-more = 同类问题还有 { $n } 处未列出
pr-more-help = 请先改正上面列出的几处，再运行 gongwen check 查看其余

# 标题层次
pr-heading-skip = “{ $parent }”下的“{ $heading }”标题跳过了“{ $missing }”这一层
pr-heading-skip-help = GB/T 9704 规定层次依次为：一、（一）1.（1）
pr-heading-skips = 标题序号“{ $number }”跳过了“{ $skipped }”
pr-heading-again = 标题序号“{ $number }”又出现在“{ $previous }”之后
pr-heading-order-help = 同一层次的标题从每个上级标题下的第一个起依次编号：这里应为“{ $expected }”
pr-heading-form = 标题序号写作“{ $written }”
pr-heading-form-help = GB/T 9704 写作“{ $right }”
pr-heading-level = `{ $marks }` 标题（“{ $level }”这一层）的序号是“{ $written }”
pr-heading-level-help = “{ $level }”这一层的标题请用 `{ $marks }`，或重新编号
pr-empty-section = 标题“{ $heading }”下面没有内容
pr-empty-section-help = 请写上这一部分的内容，或删除该标题

# 正文结构
pr-after-closing = “{ $phrase }”之后还有正文
pr-after-closing-help = “{ $phrase }”用于结束正文：请把后面的内容移到它前面，或删除
pr-mention-none = 正文提到“{ $written }”，但通知没有附件
pr-mention-none-help = 请在前置信息的 `attachments:` 下列出附件，或删除这处提及
pr-mention-never = 通知附有“{ $name }”，但正文没有提到它
pr-mention-never-help = 请在正文中说明附件的用途，如“……（见附件）”，或在标题中写明（关于印发《…》的通知）
pr-to-ends-with = 主送机关末尾有“{ $mark }”
pr-to-ends-with-help = 请以最后一个机关名称结尾：gongwen 会加上冒号（各有关部门：）
pr-to-in-body = 第一段“{ $text }”像是漏了冒号的主送机关
pr-to-in-body-help = 请写在前置信息的 `to:` 中（gongwen 会顶格排并加冒号），或以“：”结尾
pr-mention-beyond-help = 请对照 `attachments:` 下的列表核对序号
pr-mention-beyond = 正文提到“{ $written }”，但通知只有 { $count } 个附件

# 名称和引用
pr-the-notice = 通知 { $file }
pr-rule-unknown = 不认识的校对规则 `{ $name }`
pr-rule-unknown-help = 各条规则列在 README 的“校对”（Proofreading）一节
pr-what-title = 标题
pr-what-signature = 署名
pr-what-printed-by = 印发机关
pr-organ-other = { $what }中的“{ $name }”与发文机关标志“{ $mark }”不是同一机关
pr-organ-other-help = 同一机关的全称和规范化简称都可以；请核对发文机关
pr-attachment-title = 附件说明写的是“{ $name }”，但附件标题是“{ $title }”
pr-attachment-title-help = GB/T 9704 第 7.3.7 条要求二者一致：请改正有误的一处
pr-unit-typo = “{ $written }”与 content/units.yaml 中的单位“{ $right }”差一个字
pr-unit-typo-help = 请写作“{ $right }”（如果“{ $written }”是它的另一个名称，请加入其 `aliases`）
pr-cited-number = 《{ $title }》在这里引作{ $number }，但在 { $there } 中是{ $other }
pr-cited-title = { $number }在这里引作《{ $title }》，但在 { $there } 中是《{ $other }》
pr-cited-help = 一份公文只有一个标题和一个发文字号：请核对哪个正确，改正另一处
