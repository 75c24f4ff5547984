. "$CASES/../lib.bash"
printf '{"schema_version": 1, ' >broken.json
"$ZJCREDIT" plan --plan broken.json
