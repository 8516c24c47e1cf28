# Shared everywhere: the labels of diagnostics and common file errors.

label-error = error
label-warning = warning
label-help = help
label-note = note

cannot-read = cannot read: { $reason }
cannot-write = cannot write: { $reason }
exists-not-overwritten = already exists; not overwritten
did-you-mean = did you mean `{ $name }`?
cannot-read-folder = cannot read the folder: { $reason }
cannot-create = cannot create: { $reason }
cannot-copy = cannot copy: { $reason }
