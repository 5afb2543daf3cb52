"""200 speaker forms from the 500-article ANT run /tmp/roles_ant2 (seed 19), one quote each, for blind role labels."""
import csv, random
import pandas as pd
q = pd.read_csv('/tmp/roles_ant2/tables/quotes.csv')
docs = pd.read_csv('/tmp/roles_ant2/tables/documents.csv').set_index('doc_id')['text']
old = {r['form'] for r in csv.DictReader(open('benchmarks/actors/roles_gold.tsv'), delimiter='\t')}
q = q[q.speaker.notna() & (q.speaker.astype(str).str.strip() != '')]
q['form'] = [c if isinstance(c, str) and c.strip() else s for c, s in zip(q.speaker_canonical, q.speaker)]
first = q.drop_duplicates('form')
forms = sorted(set(first.form) - old)
random.Random(19).shuffle(forms)
rows = first.set_index('form').loc[forms[:200]].reset_index()
with open('/work/annot7/roles_items.tsv', 'w', newline='') as f:
    w = csv.writer(f, delimiter='\t')
    w.writerow(['form', 'doc_id', 'quote', 'context'])
    for r in rows.itertuples():
        t = docs[r.doc_id]; s, e = int(r.speaker_start), int(r.speaker_end)
        ctx = (t[max(0, s - 150):s] + '[[' + t[s:e] + ']]' + t[e:e + 150]).replace('\n', ' ').replace('\t', ' ')
        w.writerow([r.form, r.doc_id, r.quote, ctx])
print(len(forms), len(rows))
