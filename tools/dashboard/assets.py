"""The dashboard page's inline style sheet and scripts. Inline because the
page must work from a file, offline: it may reference nothing outside itself.
"""

CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
 margin:0 auto;max-width:1500px;padding:12px 20px;color:#222;background:#fafafa}
h1{font-size:22px;margin:6px 0}h2{font-size:17px;margin:22px 0 6px;border-bottom:1px solid #ddd}
table{border-collapse:collapse;background:#fff}th,td{padding:3px 8px;border:1px solid #e3e3e3;
 text-align:left;vertical-align:top}td.num{text-align:right;white-space:nowrap}
thead th{background:#f0f0f0}tfoot td,tfoot th{background:#f6f6f6}
td.regressed{background:#fde0e0}td.faster{background:#e2f5e2}
.ci{color:#888;font-size:11px;margin-left:3px}
.badge{font-size:10px;padding:0 4px;border-radius:3px;background:#ddd;color:#333}
.badge.bad{background:#c62828;color:#fff}.badge.good{background:#2e7d32;color:#fff}
.alert{padding:6px 12px;border-radius:4px;margin:6px 0}.alert ul{margin:2px 0}
.alert.regressed{background:#fde0e0;border:1px solid #e57373}
.alert.ok{background:#e8f5e9;border:1px solid #81c784}
.alert.faster{background:#eef7ee;border:1px solid #a5d6a7}
.note{color:#666;font-size:12px;margin:2px 0}
.grid{display:flex;flex-wrap:wrap;gap:10px}.card{background:#fff;border:1px solid #e3e3e3;
 border-radius:4px;padding:4px}
.toggles label{margin-right:14px;cursor:pointer;user-select:none}
.swatch{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:4px;
 vertical-align:-1px}
svg.plot{display:block}svg .title{font-size:13px;font-weight:600;fill:#222}
svg .tick{font-size:10px;fill:#555}svg .axis{font-size:10px;fill:#555}
svg .grid{stroke:#ececec}svg .axisline{stroke:#999}
svg .reference{stroke:#444;stroke-dasharray:4 3}svg .reflabel{font-size:10px;fill:#444}
svg .band{opacity:.18;stroke:none}svg .bar{stroke-width:2;opacity:.35}
svg .line{fill:none;stroke-width:1.8}svg .line.dashed{stroke-dasharray:6 3}
svg .point{stroke:#fff;stroke-width:.8}svg .flag{fill:none;stroke:#d00;stroke-width:2.2}
tr.details td{border-top:none;background:#fcfcfc}details summary{cursor:pointer;color:#345}
table.stats td,table.stats th,table.interps td,table.interps th{font-size:12px;padding:1px 6px}
code{font-size:12px}#js-errors{color:#b00;white-space:pre-wrap}
table.runs{width:100%}table.runs>tbody>tr:not(.details)>td:first-child{white-space:nowrap}
tr.details code{word-break:break-all}
"""

# First in <head>: records uncaught errors, rejected promises and
# console.error calls, so a test reading the DOM back can see them.
ERROR_RECORDER = """
(function(){var errs=[];window.__dashboardErrors=errs;
function rec(m){errs.push(String(m));var el=document.getElementById('js-errors');
if(el){el.textContent=errs.join('\\n');el.hidden=false;}}
window.addEventListener('error',function(e){rec('error: '+e.message+' at '+
(e.filename||'?')+':'+(e.lineno||0));});
window.addEventListener('unhandledrejection',function(e){rec('unhandled rejection: '+e.reason);});
var orig=console.error;console.error=function(){
rec('console.error: '+Array.prototype.join.call(arguments,' '));return orig.apply(console,arguments);};
})();
"""

# Last in <body>: the interpreter toggles, then a status element that says
# how many plots exist and how many errors were recorded.
PAGE_SCRIPT = """
(function(){
var boxes=document.querySelectorAll('input.toggle');
Array.prototype.forEach.call(boxes,function(cb){cb.addEventListener('change',function(){
var groups=document.querySelectorAll('g.series');
Array.prototype.forEach.call(groups,function(g){
if(g.getAttribute('data-series')===cb.value){g.style.display=cb.checked?'':'none';}});});});
var errs=window.__dashboardErrors||[];
var out=document.getElementById('js-errors');
if(errs.length){out.textContent=errs.join('\\n');out.hidden=false;}
var st=document.getElementById('page-status');
st.setAttribute('data-plots',String(document.querySelectorAll('svg.plot').length));
st.setAttribute('data-errors',String(errs.length));
st.setAttribute('data-height',String(document.documentElement.scrollHeight));
st.setAttribute('data-width',String(document.documentElement.scrollWidth));
st.setAttribute('data-ready','1');
})();
"""
