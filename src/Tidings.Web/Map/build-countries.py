import json, sys
# Usage: python3 build-countries.py countries-110m.json countries-110m.tsv  (countries-110m.json from the npm package world-atlas 2.0.2)
t=json.load(open(sys.argv[1]))
sx,sy=t['transform']['scale']; tx,ty=t['transform']['translate']
arcs=[]
for arc in t['arcs']:
    x=y=0; pts=[]
    for dx,dy in arc:
        x+=dx;y+=dy; pts.append((x*sx+tx, y*sy+ty))
    arcs.append(pts)
def ring(idx):
    pts=[]
    for i in idx:
        a=arcs[i] if i>=0 else arcs[~i][::-1]
        pts.extend(a if not pts else a[1:])
    return pts
out=[]
for g in t['objects']['countries']['geometries']:
    polys = [g['arcs']] if g['type']=='Polygon' else g.get('arcs',[])
    d=[]
    for poly in polys:
        for r in poly:
            pts=ring(r); prev=None; seg=[]
            for lon,lat in pts:
                p=(round(lon+180,1), round(90-lat,1))
                if p!=prev: seg.append(p); prev=p
            if len(seg)<3: continue
            d.append('M'+' '.join(f'{x:g},{y:g}' for x,y in seg)+'Z')
    if d: out.append(f"{g['properties']['name']}\t{''.join(d)}")
open(sys.argv[2],'w').write('\n'.join(out)+'\n')
print(len(out))
