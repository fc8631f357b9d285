// The ecosystem's own validators over a built site, for the Go tests in
// generator/internal/site (datapackage_test.go). Each command prints one
// JSON report on stdout; the Go test decides what fails.
//
//   node validate.mjs package DIR   DIR/datapackage.json loaded with the
//                                   frictionless JavaScript libraries
//                                   (datapackage-js, tableschema-js): the
//                                   descriptor against its profile, then every
//                                   row of every resource read and cast, with
//                                   its constraints, unique keys and foreign keys
//   node validate.mjs dcat FILE SHAPES...
//                                   FILE (JSON-LD) expanded by jsonld.js in safe
//                                   mode (a term it would drop is an error), then
//                                   held to the SHACL SHAPES (Turtle) by
//                                   rdf-validate-shacl
//
// Nothing is fetched: the descriptors and catalogues name no remote context
// or profile that the libraries would load.
import { createRequire } from 'node:module'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

const require = createRequire(import.meta.url)

async function checkPackage (dir) {
  const { Package } = require('datapackage')
  const report = { valid: false, errors: [], resources: [] }
  const pkg = await Package.load(path.join(dir, 'datapackage.json'), { basePath: dir, strict: false })
  report.valid = pkg.valid
  report.errors = pkg.errors.map(e => String(e.message || e))
  for (const res of pkg.resources) {
    const r = { name: res.name, tabular: res.tabular, rows: 0, errors: [] }
    report.resources.push(r)
    if (!res.tabular) {
      r.errors.push('not a tabular resource')
      continue
    }
    let rows
    try {
      rows = await res.read({ cast: true, relations: true, forceCast: true })
    } catch (e) {
      r.errors.push(String(e.message || e))
      continue
    }
    for (const row of rows) {
      if (row instanceof Error) {
        const inner = (row.errors || []).map(e => e.message).join('; ')
        if (r.errors.length < 20) r.errors.push(`row ${row.rowNumber}: ${row.message}${inner ? ': ' + inner : ''}`)
        continue
      }
      r.rows++
    }
  }
  return report
}

async function checkDCAT (file, shapeFiles) {
  const jsonld = require('jsonld')
  const { default: rdf } = await import('@zazuko/env-node')
  const { default: SHACLValidator } = await import('rdf-validate-shacl')
  const { Parser } = require('n3')
  const report = { conforms: false, errors: [], results: [] }
  const doc = JSON.parse(await readFile(file, 'utf8'))
  // No document loader: a remote context would fail instead of being fetched.
  const documentLoader = async url => { throw new Error(`refusing to load ${url}`) }
  let nquads
  try {
    await jsonld.expand(doc, { safe: true, documentLoader })
    nquads = await jsonld.toRDF(doc, { format: 'application/n-quads', safe: true, documentLoader })
  } catch (e) {
    report.errors.push(`JSON-LD: ${e.message}${e.details ? ' ' + JSON.stringify(e.details).slice(0, 500) : ''}`)
    return report
  }
  const data = rdf.dataset(new Parser({ format: 'application/n-quads' }).parse(nquads))
  const shapes = rdf.dataset()
  for (const f of shapeFiles) {
    for (const q of new Parser({ format: 'text/turtle', baseIRI: 'file://' + path.resolve(f) }).parse(await readFile(f, 'utf8'))) shapes.add(q)
  }
  const validator = new SHACLValidator(shapes, { factory: rdf })
  const result = await validator.validate(data)
  report.conforms = result.conforms
  report.triples = data.size
  for (const r of result.results) {
    report.results.push({
      severity: r.severity?.value,
      focus: r.focusNode?.value,
      path: r.path?.value,
      message: r.message.map(m => m.value).join(' '),
      shape: r.sourceShape?.value
    })
  }
  return report
}

const [cmd, ...args] = process.argv.slice(2)
let out
if (cmd === 'package') out = await checkPackage(args[0])
else if (cmd === 'dcat') out = await checkDCAT(args[0], args.slice(1))
else {
  console.error('usage: node validate.mjs package DIR | dcat FILE SHAPES...')
  process.exit(2)
}
process.stdout.write(JSON.stringify(out) + '\n')
