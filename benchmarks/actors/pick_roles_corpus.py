"""500 random ANT articles outside the first 500 (the actors gold run) and outside every gold file, as links."""
import json, random, glob, os
from qawl.corpus import load_corpus
gold = set()
for f in glob.glob('benchmarks/*_gold.json') + glob.glob('/work/shared/eval/*_gold.json'):
    gold |= {a.get('doc') for a in json.load(open(f))}
arts = list(load_corpus('/work/shared/corpora/ant'))
pool = [a for a in arts[500:] if a.doc_id not in gold]
rng = random.Random(18)
for a in rng.sample(pool, 500):
    rel = a.doc_id[len('ant/'):]
    dst = os.path.join('/work/annot7/ant_roles', rel)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    os.symlink(os.path.join('/work/shared/corpora/ant', rel), dst)
print(len(pool))
