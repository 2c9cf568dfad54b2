/**
 * The widgets' stylesheet. Brand theming through CSS variables set on any ancestor of the widget (each has a
 * default): `--dh-brand`, `--dh-brand-contrast`, `--dh-bg`, `--dh-surface`, `--dh-text`, `--dh-muted`,
 * `--dh-danger`, `--dh-ok`, `--dh-radius`, `--dh-font`, and `--dh-text-scale` (mobile text size factor).
 */
export const WIDGET_CSS = `
.dh-widget{--dh-scale:var(--dh-text-scale,1);--dh-touch:44px;
box-sizing:border-box;display:flex;flex-direction:column;width:100%;height:100%;min-height:0;overflow:hidden;
background:var(--dh-bg,#f5f6f8);color:var(--dh-text,#1d2129);font-family:var(--dh-font,system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif);font-size:calc(15px*var(--dh-scale));line-height:1.45}
.dh-widget *,.dh-widget *::before,.dh-widget *::after{box-sizing:border-box}
.dh-widget[data-layout=kiosk]{--dh-scale:2;--dh-touch:96px}
.dh-widget[data-layout=kiosk][data-large-text=true]{--dh-scale:2.6;--dh-touch:112px}
.dh-widget[data-layout=mobile][data-large-text=true]{--dh-scale:1.3}
.dh-bar{display:flex;align-items:center;gap:6px;padding:6px 10px;background:var(--dh-surface,#fff);border-bottom:1px solid #0001;flex:none}
.dh-ai{font-size:.75em;flex:none;color:var(--dh-muted,#5c6370);border:1px solid currentColor;border-radius:999px;padding:1px 8px;white-space:nowrap}
.dh-bar-spacer{flex:1}
.dh-btn{min-height:var(--dh-touch);min-width:var(--dh-touch);padding:0 16px;border-radius:var(--dh-radius,12px);border:1px solid var(--dh-brand,#c8102e);
background:var(--dh-surface,#fff);color:var(--dh-brand,#c8102e);font:inherit;font-weight:600;cursor:pointer}
.dh-btn[data-primary=true]{background:var(--dh-brand,#c8102e);color:var(--dh-brand-contrast,#fff)}
.dh-btn:disabled{opacity:.45;cursor:not-allowed}
.dh-btn:focus-visible,.dh-widget input:focus-visible,.dh-widget select:focus-visible,.dh-scroll:focus-visible{outline:3px solid var(--dh-brand,#c8102e);outline-offset:2px}
.dh-btn-small{min-height:calc(36px*var(--dh-scale));min-width:0;font-size:.8em;padding:0 8px;white-space:nowrap}
.dh-stage{flex:none;height:26%;min-height:120px;display:flex;align-items:flex-end;justify-content:center;
background:radial-gradient(circle at 50% 35%,#fff,var(--dh-bg,#f5f6f8));position:relative;overflow:hidden}
.dh-widget[data-layout=kiosk] .dh-stage{height:40%}
.dh-stage-empty{width:34%;aspect-ratio:3/4;max-height:90%;border-radius:50% 50% 12px 12px;background:linear-gradient(#e8eaef,#d5d9e0)}
.dh-captions:empty{background:transparent}
.dh-captions{flex:none;min-height:2.2em;padding:6px 12px;background:#111d;color:#fff;font-size:.95em}
.dh-captions p{margin:0}
.dh-panel{flex:1;min-height:0;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:12px}
.dh-h{font-size:1.15em;margin:0;font-weight:700}
.dh-card{background:var(--dh-surface,#fff);border-radius:var(--dh-radius,12px);padding:12px;box-shadow:0 1px 3px #0002;display:flex;flex-direction:column;gap:8px}
.dh-face{aspect-ratio:1.586;width:100%;max-width:calc(240px*var(--dh-scale));border-radius:10px;position:relative;overflow:hidden;color:#fff;padding:10px;
display:flex;flex-direction:column;justify-content:space-between;font-weight:700;text-shadow:0 1px 2px #0006}
.dh-face-chip{flex:none;width:36px;height:26px;border-radius:5px;background:linear-gradient(135deg,#f4d27a,#b8892b)}
.dh-face-name{font-size:.95em;overflow-wrap:anywhere;overflow:hidden;max-height:4.4em}
.dh-fields{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:0}
.dh-fields dt{color:var(--dh-muted,#5c6370)}.dh-fields dd{margin:0}
.dh-actions{display:flex;flex-wrap:wrap;gap:8px}
.dh-compare{width:100%;border-collapse:collapse;font-size:.9em;background:var(--dh-surface,#fff)}
.dh-compare th,.dh-compare td{border:1px solid #0001;padding:6px;text-align:left;vertical-align:top;overflow-wrap:break-word}
.dh-compare th[scope=row]{width:5.5em;hyphens:auto}
.dh-cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(calc(150px*var(--dh-scale)),1fr));gap:10px}
.dh-form{display:flex;flex-direction:column;gap:10px}
.dh-field{display:flex;flex-direction:column;gap:4px}
.dh-field input[type=text],.dh-field input[type=number],.dh-field input[type=tel],.dh-field input[type=date],.dh-field select{
min-height:var(--dh-touch);font:inherit;padding:0 10px;border-radius:8px;border:1px solid #0003;background:#fff}
.dh-check{display:flex;align-items:center;gap:10px;min-height:var(--dh-touch)}
.dh-check input{width:calc(22px*var(--dh-scale));height:calc(22px*var(--dh-scale))}
.dh-hint{color:var(--dh-muted,#5c6370);font-size:.85em}
.dh-bad{color:var(--dh-danger,#b42318);font-size:.9em}.dh-good{color:var(--dh-ok,#1a7f37);font-size:.9em}
.dh-scroll{max-height:40vh;overflow-y:auto;white-space:pre-wrap;border:1px solid #0002;border-radius:8px;padding:10px;background:#fff}
.dh-rec{display:inline-flex;align-items:center;gap:6px;color:var(--dh-danger,#b42318);font-size:.85em;font-weight:600}
.dh-rec::before{content:"";width:10px;height:10px;border-radius:50%;background:currentColor;animation:dh-pulse 1.2s infinite}
.dh-notice{font-size:.85em;color:var(--dh-danger,#b42318);margin:0}
.dh-ticket{text-align:center;align-items:center}
.dh-ticket-number{font-size:3em;font-weight:800;color:var(--dh-brand,#c8102e);letter-spacing:.05em}
.dh-qr{width:40%;max-width:220px;min-width:120px;background:#fff}
.dh-scale{display:flex;flex-wrap:wrap;gap:6px}
.dh-scale .dh-btn{padding:0;flex:0 0 auto}
.dh-promo{animation:dh-fade 600ms ease both}
.dh-chart{display:flex;flex-direction:column;gap:6px}
.dh-bar-row{display:grid;grid-template-columns:minmax(7em,1.4fr) 1.6fr auto;gap:8px;align-items:center}
.dh-bar-fill{height:calc(14px*var(--dh-scale));border-radius:4px;background:var(--dh-brand,#c8102e)}
.dh-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@keyframes dh-pulse{50%{opacity:.3}}
@keyframes dh-fade{from{opacity:0;transform:translateY(8px)}to{opacity:1;transform:none}}
@media (prefers-reduced-motion:reduce){.dh-widget *{animation:none!important;transition:none!important}}
`;
