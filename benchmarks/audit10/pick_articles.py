"""Pick 16 articles (8 SaudiNewsNet, 8 ANT) in no gold file, seeded, for blind annotation (audit10)."""
import json, random, glob
from qawl.corpus import load_corpus
gold = set()
for f in glob.glob('benchmarks/*_gold.json') + glob.glob('/work/shared/eval/*_gold.json'):
    for a in json.load(open(f)):
        gold.add(a.get('doc'))
rng = random.Random(10)
out = []
for root, n in [('/work/shared/corpora/saudinewsnet', 8), ('/work/shared/corpora/ant', 8)]:
    arts = [a for a in load_corpus(root) if a.doc_id not in gold and 600 < len(a.raw_text) < 5000]
    out += rng.sample(arts, n)
manifest = []
for i, a in enumerate(out):
    name = f'audit10_{i:02d}.txt'
    open(f'/work/annot12/{name}', 'w', encoding='utf-8').write(a.raw_text)
    manifest.append({'file': name, 'doc': a.doc_id, 'source': a.source})
json.dump(manifest, open('/work/annot12/manifest.json', 'w'), ensure_ascii=False, indent=1)
print(len(gold), [m['doc'] for m in manifest])
