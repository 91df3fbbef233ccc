// Material's inline bootstrap, moved to a file so the CSP can forbid inline scripts.
__md_scope=new URL(document.currentScript.dataset.scope,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}

// Mark the page as scripted before anything is drawn (Material does it at the end of the page),
// so widgets that need JavaScript are laid out from the start instead of appearing late.
document.documentElement.classList.replace("no-js","js");
