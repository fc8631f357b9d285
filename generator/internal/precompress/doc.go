// Package precompress makes the gzip and brotli copies of a site's text
// files that static hosts send in place of a file to a browser that accepts
// them (nginx's gzip_static and brotli_static, Caddy's precompressed, GitLab
// Pages), so the host compresses nothing as it serves.
//
// The copies sit beside their file, named by suffix: index.html.gz and
// index.html.br. A host that finds no copy sends the file (a small one) or
// the other copy (a large download has only a .gz: see MaxBrotli).
//
// The levels were chosen by measuring the bundled site (12 MB of text in
// 423 files) and the bench-scale site (make bench-scale), whose downloads
// come to 320 MB of CSV and JSON:
//
//   - gzip at level 6 with github.com/klauspost/compress: on the pages, twice
//     as fast as compress/gzip at level 6 for 3% more bytes (19.7% of the
//     text against 19.2%); on the 123 MB budget CSV, 4.6× as fast (6.8%
//     against 6.6%). Its level 9 makes the pages 4% smaller at 3.5× the time.
//   - brotli at quality 5 with github.com/andybalholm/brotli: the pages come
//     to 15.9% of the text, against 18.4% at quality 4 (two thirds of the
//     time) and 15.7% at quality 6 (1.25× the time); quality 11 gives 13.7%
//     at 100× the time.
//   - on files above MaxBrotli (the downloads) brotli at quality 5 is 10–12%
//     smaller than gzip's copy at 8–9× its time, and at quality 2, nearer
//     gzip's speed (still 5× slower), 0–2% smaller: they get a .gz only.
//
// All told, the bundled site's copies take 1.2 s of one core (0.3 s gzip,
// 0.9 s brotli); the bench-scale site's, 357 MB of text, about 8 s of a
// core on a busy machine, spread over every core while the build runs.
package precompress
