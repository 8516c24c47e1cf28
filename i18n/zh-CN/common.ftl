# 各处共用：诊断的标签和常见的文件错误。

label-error = 错误
label-warning = 警告
label-help = 提示
label-note = 说明

cannot-read = 无法读取：{ $reason }
cannot-write = 无法写入：{ $reason }
exists-not-overwritten = 文件已存在，未覆盖
did-you-mean = 是否要写 `{ $name }`？
cannot-read-folder = 无法读取文件夹：{ $reason }
cannot-create = 无法创建：{ $reason }
cannot-copy = 无法复制：{ $reason }
