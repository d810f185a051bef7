// The readout table (components/page/charts/readout_table.py): every number of the charts as
// text, the one code that writes it (at load too: first_render.js). z is written as its box and
// slider title write it (InputCheck.show), not to a fixed 2 decimals, which showed 2.004 as 2.00
// beside a 2 and -0.004 as "-0.00" (issue 19).
/* global table, t, labels, z_decimals */
const a = SoftmaxMath.softmax(z, tau);
const s = SoftmaxMath.sigmoid(z);
const head = [t.j, t.z, t.softmax, t.sigmoid].map((name) => `<th scope='col'>${name}</th>`).join("");
const rows = z.map((zj, j) =>
  `<tr><th scope='row'>${labels[j]}</th><td>${InputCheck.show(zj, z_decimals)}</td>` +
  `<td class='a'>${a[j].toFixed(3)}</td><td class='s'>${s[j].toFixed(3)}</td></tr>`).join("");
const totals = `<tr class='total'><th scope='row'>${t.total}</th><td></td>` +
  `<td class='a-total'>${SoftmaxMath.sum(a).toFixed(3)}</td>` +
  `<td class='s-total'>${SoftmaxMath.sum(s).toFixed(3)}</td></tr>`;
setHtml(table, `<table class='readout'><caption>${t.caption}</caption><thead><tr>${head}</tr></thead>` +
  `<tbody>${rows}</tbody><tfoot>${totals}</tfoot></table>`);
