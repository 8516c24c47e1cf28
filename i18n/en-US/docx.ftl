# docx
