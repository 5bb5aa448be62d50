#!/bin/bash
# Run a command and print its wall time and the machine's busy core-seconds meanwhile.
# /usr/bin/time misses the processes a command's children leave behind (Chromium's renderers),
# so this reads /proc/stat: run it on a quiet machine. Usage: bench/busy.sh make test
busy_jiffies() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
before=$(busy_jiffies)
started=$(date +%s.%N)
"$@"
status=$?
ended=$(date +%s.%N)
after=$(busy_jiffies)
awk -v s="$started" -v e="$ended" -v b="$before" -v a="$after" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "durée %.0f s, processeur occupé %.0f s (tous cœurs)\n", e - s, (a - b) / hz }'
exit $status
