# The CLI: the installed `zjcredit` program.
zjcredit words 2.2亿元
zjcredit plan --lang en | head -n 5
