# The COPY peer of the import benchmarks (run-foundation.sh, run-import.sh): writes to $1 a psql script that creates a
# raw text table per ESCO CSV under $2 (one text column per CSV column) and COPYs the file into it. skillsHierarchy_*.csv
# is redundant with skillGroups + broader relations and Klimrek does not read it, so neither does the peer.
write_copy_script() { # script, esco folder
  local script=$1 esco=$2 f t cols
  : > "$script"
  for f in $(find "$esco" -name '*.csv.gz' ! -name 'skillsHierarchy_*' | sort); do
    t=$(basename "$f" .csv.gz | tr 'A-Z' 'a-z')
    cols=$(python3 -c "import sys,csv,gzip;print(', '.join('\"%s\" text'%c for c in next(csv.reader(gzip.open(sys.argv[1],'rt',encoding='utf-8-sig')))))" "$f")
    echo "CREATE TABLE \"$t\" ($cols);" >> "$script"
    echo "\\copy \"$t\" FROM PROGRAM 'zcat $PWD/$f' WITH (FORMAT csv, HEADER true)" >> "$script"
  done
}
