/*! The three helpers vega-interpreter imports from vega-util 2.1.0 (npm registry), copied unmodified from
 * src/compare.js (ascending), src/isString.js and src/interpreter.js. BSD-3-Clause: see vega-interpreter.LICENSE
 * (the same Vega license). They are needed because vl-convert's bundle does not expose vega-util's exports. */
const ascending = (u, v) => (u < v || u == null) && v != null ? -1
  : (u > v || v == null) && u != null ? 1
  : ((v = v instanceof Date ? +v : v), (u = u instanceof Date ? +u : u)) !== u && v === v ? -1
  : v !== v && u === u ? 1
  : 0;

function isString(_) {
  return typeof _ === 'string';
}

const DisallowedObjectProperties = new Set(
  [...Object.getOwnPropertyNames(Object.prototype)
    .filter(name => typeof Object.prototype[name] === 'function'),
  '__proto__'
  ]
);
