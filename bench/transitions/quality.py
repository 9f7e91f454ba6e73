#!/usr/bin/python3
# Prints the top-10 transitions of 11 occupations across sectors (docs/transitions-quality.md) from a running app,
# in the order the app shows them (the ranking and the counsellor's order), with the signals each suggestion names.
import json, urllib.request, urllib.parse, sys
B='http://127.0.0.1:5310'
def get(u): return json.load(urllib.request.urlopen(B+u))
occ=[("nurse responsible for general care","2a"),("carpenter",""),("primary school teacher",""),("software developer",""),("accountant",""),("police officer",""),("truck driver",""),("shop assistant",""),("cook",""),("social worker",""),("farm manager","")]
for label,_ in occ:
    r=get('/api/v1/occupations?lang=en&pageSize=5&q='+urllib.parse.quote(label))
    it=[i for i in r['items'] if i['label'].lower()==label] or r['items']
    o=it[0]
    t=get(f"/api/v1/occupations/{o['id']}/transitions?limit=10&lang=nl")
    print(f"### {t['from']} ({o['label']}, ISCO {o['iscoCode']})\n")
    print("| # | naar | fit | sector | niveau | voorgesteld om | essentieel te leren |")
    print("|---|---|---|---|---|---|---|")
    kinds={'up':'hoger','down':'lager','level':'gelijk',None:'?'}
    for n,x in enumerate(t['items'],1):
        e=x['explanation']; why=''
        if 'Voorgesteld om: ' in e: why=e.split('Voorgesteld om: ',1)[1].split('.',1)[0]
        print(f"| {n} | {x['targetLabel']['text']} | {x['score']:.2f} | {x['toSector']} | {kinds[x.get('moveKind')]} | {why} | {x['missingEssentialCount']} |")
    print()
