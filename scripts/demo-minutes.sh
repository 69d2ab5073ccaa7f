#!/usr/bin/env bash
# Records one set of sample minutes for a Halland meeting (RUG, 2025-03-13) into a throwaway
# database and shows them. Usage: scripts/demo-minutes.sh [BIN] [CONFIG] [FOLDER]
set -euo pipefail
bin="${1:-.build/debug/samverkan}"
config="${2:-Config/halland.yaml}"
folder="${3:-.build/demo}"
db="$folder/minutes-demo.sqlite"
mkdir -p "$folder"
rm -f "$db" "$db-wal" "$db-shm"
rm -rf "$folder/drafts"
export SAMVERKAN_CONFIG="$config" SAMVERKAN_DATABASE="$db" SAMVERKAN_TODAY=2025-03-20

# A scripted editor plays the secretary: marks attendance and covered items, writes a decision
# and an action item, exactly as one would in $EDITOR.
editor="$folder/demo-editor.sh"
cat > "$editor" <<'SCRIPT'
#!/bin/sh
f="$1"
sed -i -e 's/^- \[ \] Socialchef \(Halmstad\|Laholm\|Varberg\|Kungsbacka\)/- [x] Socialchef \1/' \
       -e 's/^- \[ \] Biträdande hälso/- [x] Biträdande hälso/' \
       -e 's/^- \[ \] Samordnare/- [x] Samordnare/' \
       -e 's/^- \[ \] Socialchef Hylte (Socialchef)/- [ ] Socialchef Hylte (Socialchef) | ersättare: Biträdande socialchef Hylte/' \
       -e 's/^- \[ \] Uppföljning av den gemensamma planen 2025/- [x] Uppföljning av den gemensamma planen 2025\n  Insatsområde 3: alla kommuner har samverkansmöten på gruppnivå enligt plan./' \
       -e 's/^- \[ \] Statsbidrag/- [x] Statsbidrag/' \
       -e 's/^Justerare: *$/Justerare: Socialchef Varberg/' \
       -e 's/^## Övriga punkter$/## Övriga punkter\n### Utskrivning från sjukhus\nÅterinskrivningar inom 30 dagar har minskat i Falkenberg och Varberg./' \
       -e 's/^## Beslut$/## Beslut\n- RUG ställer sig bakom den gemensamma rutinen för utskrivning./' "$f"
printf '%s\n' '- Sprida rutinen för utskrivning till alla vårdcentraler | ansvarig: rh-narsjukvarden | klart: 2025-05-31' >> "$f"
SCRIPT
chmod +x "$editor"

echo "== samverkan minutes new --structure rug   (EDITOR is a script that fills in the draft)"
EDITOR="$editor" "$bin" minutes new --structure rug
echo
echo "== samverkan minutes approve 1 --by bitr-hs-direktor --by socialchef-varberg"
"$bin" minutes approve 1 --by bitr-hs-direktor --by socialchef-varberg
echo
echo "== samverkan minutes show 1"
"$bin" minutes show 1
echo
echo "== samverkan actions --open"
"$bin" actions --open
"$bin" minutes show 1 --format html > "$folder/minnesanteckningar-rug.html"
echo
echo "The minutes are in $db; printable HTML: $folder/minnesanteckningar-rug.html"
