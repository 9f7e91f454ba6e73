#!/usr/bin/env bash
# Build time of the transition model (TransitionModel.Build: every ESCO occupation against every other, top-20 and 60
# route neighbours kept) beside a SciPy peer (IDF-weighted cosine, sparse X·Xᵀ, top-20 per occupation) on the SAME
# occupation × skill matrix, exported once from data/esco and read (untimed) by both, in the same run.
# Also records where Klimrek's time goes (the profile verb). Writes bench/results/transitions-build.md.
# Needs /usr/bin/python3 with numpy and scipy (Debian: apt-get install -y python3-scipy). REPEATS (default 15).
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/results/transitions-build.md
dir=bench/out/transitions-build
bin=bench/out/transitions-bench
repeats=${REPEATS:-15}
python=/usr/bin/python3
mkdir -p bench/results "$dir"
if ! "$python" -c 'import numpy, scipy.sparse' 2>/dev/null; then
  echo "numpy/scipy missing for $python: apt-get install -y python3-scipy" >&2
  exit 1
fi

dotnet build -c Release bench/Klimrek.TransitionsBench -o "$bin" >/dev/null
bench() { dotnet "$bin/Klimrek.TransitionsBench.dll" "$@"; }
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
export_log=$(bench export data/esco "$dir")
klimrek=$(bench build "$dir" "$repeats")
klimrek1=$(bench build "$dir" "$repeats" 1)
scipy=$("$python" bench/transitions/scipy_peer.py "$dir/requirements.tsv" "$repeats")
profile=$(bench profile "$dir" 9)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" | head -1; } # field name, from stdin
k_min=$(echo "$klimrek" | grep '^klimrek build:' | field min)
k_med=$(echo "$klimrek" | grep '^klimrek build:' | field median)
k_threads=$(echo "$klimrek" | grep '^klimrek build:' | field threads)
r_min=$(echo "$klimrek" | grep '^ranking indexes' | field min)
r_med=$(echo "$klimrek" | grep '^ranking indexes' | field median)
a_min=$(echo "$klimrek" | grep '^ranking every list' | field min)
a_med=$(echo "$klimrek" | grep '^ranking every list' | field median)
one=$(echo "$klimrek" | sed -n 's/^ranking one occupation.s list on first request: //p')
k1_min=$(echo "$klimrek1" | grep '^klimrek build:' | field min)
k1_med=$(echo "$klimrek1" | grep '^klimrek build:' | field median)
best=$(echo "$scipy" | sed -n 's/^scipy peer (fastest top-k: \([a-z-]*\)).*/\1/p')
other=$([ "$best" = dense ] && echo sparse-rows || echo dense)
s_min=$(echo "$scipy" | grep '^scipy peer' | field min)
s_med=$(echo "$scipy" | grep '^scipy peer' | field median)
o_min=$(echo "$scipy" | grep "^scipy build top-k=$other:" | field min)
o_med=$(echo "$scipy" | grep "^scipy build top-k=$other:" | field median)
memory=$(echo "$klimrek" | sed -n 's/^klimrek model memory: \(.*\)$/\1/p')
ratio() { awk -v a="$1" -v b="$2" -v c="$3" -v d="$4" 'BEGIN { printf "%.2f / %.2f", a / c, b / d }'; }

{
echo "# Transition model build beside SciPy"
echo
echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(uname -m)), $(date -u '+%Y-%m-%d %H:%M UTC'); load average before / after the run: $load_before / $load_after."
echo "$(dotnet --version | sed 's/^/.NET SDK /'); $("$python" -c 'import numpy, scipy, sys; print(f"Python {sys.version.split()[0]}, NumPy {numpy.__version__}, SciPy {scipy.__version__}")')."
echo
echo "Input, the same file for both (exported from data/esco, ESCO v1.1.1; reading it is not timed):"
echo "$export_log" | sed 's/^/    /'
echo
echo "Each line: $repeats builds after one warm-up. Ratio to SciPy: min / min and median / median."
echo
echo "| what | min s | median s | ratio to SciPy |"
echo "|---|---|---|---|"
echo "| SciPy peer: CSR with IDF weights, L2 rows, sparse X·Xᵀ, diagonal 0, top-20 per row (the faster top-20 variant, \`$best\`; 1 thread, as SciPy's sparse product is) | $s_min | $s_med | 1.00 / 1.00 |"
echo "| SciPy, the same with the $other top-20 (for reference) | $o_min | $o_med | $(ratio "$o_min" "$o_med" "$s_min" "$s_med") |"
echo "| Klimrek \`TransitionModel.Build\`: weighted coverage with related/sibling credit, all pairs, top-20 + 60 route neighbours, $k_threads threads (\`Environment.ProcessorCount\`) | $k_min | $k_med | $(ratio "$k_min" "$k_med" "$s_min" "$s_med") |"
echo "| Klimrek, the same on 1 thread (like for like with SciPy's one thread) | $k1_min | $k1_med | $(ratio "$k1_min" "$k1_med" "$s_min" "$s_med") |"
echo
echo "The ranking of next steps (\`TransitionRanking\`, docs/transitions.md) is lazy in the app: it is not part of the build above."
echo "Its text and family indexes are made on first use, each occupation's list on its first request, then kept:"
echo
echo "| ranking, measured after the build | min s | median s | ratio to SciPy |"
echo "|---|---|---|---|"
echo "| indexes on first use (two TF-IDF text indexes, ISCO family profiles), $k_threads threads | $r_min | $r_med | $(ratio "$r_min" "$r_med" "$s_min" "$s_med") |"
echo "| for reference: every occupation's list at once (the app never does this) | $a_min | $a_med | $(ratio "$a_min" "$a_med" "$s_min" "$s_med") |"
echo
echo "One occupation's list on its first request: $one."
echo
echo "Klimrek model memory (GC.GetTotalMemory(true) before and after building one model that is kept alive): **$memory**."
echo
echo "The two do not compute the same thing: SciPy's cosine is the plain sparse product; Klimrek first spreads each source's"
echo "skills to related skills and small-group siblings, which about doubles the postings it visits (profile, last line), and keeps 60 moves per occupation instead of 20;"
echo "then it ranks each occupation's 200 best-fitting targets by skills both ways, text similarity in two languages and family (docs/transitions.md)."
echo
echo "## Output"
echo
echo '```'
echo "$klimrek"
echo "$klimrek1" | grep '^klimrek build:'
echo "$scipy"
echo '```'
echo
echo "## Where Klimrek's build time goes (\`profile\` verb)"
echo
echo "Public API variants, then a bench-side replica of the precompute loop (checked to give exactly the model's moves) with a stopwatch around each phase, and changes to that loop."
echo
echo '```'
echo "$profile"
echo '```'
} > "$out"
cat "$out"
