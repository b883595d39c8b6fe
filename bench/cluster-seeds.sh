#!/bin/bash
# Seeds/s of dmactors explore: one process, then a coordinator with 1, 2, 3 local workers (bench/README.md, issue 17).
# Usage: N=40 MS=0.5 bench/cluster-seeds.sh   (after dotnet build src/Cli)
D=$(dirname "$0")/../src/Cli/bin/Debug/net10.0/dmactors; cd "$(mktemp -d)"
N=${N:-60}
s=$(date +%s.%N); $D explore --seeds $N --ms ${MS:-0.01} > single.out 2>/dev/null; e=$(date +%s.%N)
echo "single: $(echo "$e - $s" | bc) s for $N seeds"
for w in 1 2 3; do
  port=$((47100 + w))
  s=$(date +%s.%N)
  $D explore --seeds $N --ms ${MS:-0.01} --cluster 127.0.0.1:$port > c$w.out 2> c$w.err &
  cp=$!
  for i in $(seq $w); do $D worker --join 127.0.0.1:$port --slots 1 > /dev/null 2>&1 & done
  wait $cp; e=$(date +%s.%N)
  cmp -s single.out c$w.out && same=same || same=DIFFERENT
  echo "workers=$w: wall $(echo "$e - $s" | bc) s; $(grep 'done in' c$w.err); $(grep "$N/$N items done" c$w.err | tail -1 | grep -o '[0-9.]* runs/s'); output $same"
  wait
done
