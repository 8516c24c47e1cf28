# proofread
