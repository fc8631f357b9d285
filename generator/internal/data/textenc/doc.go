// Package textenc detects the text encoding of a data file and decodes it to UTF-8 as a stream, reporting the first place it cannot.
//
// Staff export CSV files from Excel, which writes UTF-8 with a byte order mark
// ("CSV UTF-8"), the Chinese code page GB18030/GBK ("CSV (逗号分隔)" on a Chinese
// Windows), or UTF-16 with a byte order mark ("Unicode 文本"). NewReader looks at
// the first 64 KiB of a file and chooses, in this order:
//
//  1. A byte order mark: EF BB BF is UTF-8, FF FE is UTF-16LE, FE FF is UTF-16BE.
//     The mark is removed from the text.
//  2. Otherwise, if the sample is valid UTF-8, UTF-8. (A multi-byte character cut
//     by the end of the 64 KiB sample is fine; a cut at the end of the file is not.)
//  3. Otherwise, GB18030, but only if the sample both decodes without one invalid
//     sequence and is plausibly Chinese. golang.org/x/text's decoder never fails:
//     it turns invalid bytes into U+FFFD and decodes Latin-1, Cyrillic or Greek
//     bytes into valid but wrong hanzi. So the sample must decode with no U+FFFD
//     at all, and among its two-byte sequences that are not punctuation
//     (GB2312 rows A1–A3 count neither way; rows A4–A9, kana, Greek, Cyrillic,
//     pinyin and box drawing, count against), GB2312 level-1 hanzi (lead B0–D7,
//     trail A1–FE) — the 3,755 commonest characters — must dominate:
//     with 4 or more such sequences at least 70% of them must be level-1; with
//     1 to 3, all of them; with none, the sample is not Chinese. Real Chinese
//     text scores about 96%; text in another code page that happens to decode
//     scores 0–25% (see the numbers measured in detect.go).
//     Valid GB18030 that is not Chinese (French with accents, say) is refused:
//     nobody exports that from Chinese Excel, and accepting it would let other
//     code pages through.
//  4. Otherwise NewReader fails with an *Error at the first line that is not
//     valid UTF-8, saying how to save the file as UTF-8 from Excel. Two cases
//     get a more precise message: a sample that is plausibly Chinese but holds
//     an invalid GB18030 sequence fails at that sequence, and a sample whose
//     earlier lines hold UTF-8 characters is called UTF-8 with a line pasted
//     in from another encoding.
//
// Decoding stays strict for the whole file, not only the sample: a UTF-8 file
// with rows in another encoding pasted in after the first 64 KiB, or a GB18030 or
// UTF-16 file with an invalid sequence further on, makes Read return an *Error
// at that place, after returning the text before it. A U+FFFD character written
// in a GB18030 or UTF-16 file is refused too (in x/text's output it looks like a
// decoding failure); in a UTF-8 file it is an ordinary character.
//
// Line endings: LF and CRLF pass through unchanged (encoding/csv handles both).
// If the sample holds a CR and no LF, the file is taken to use old Mac Excel's
// CR-only line endings, and every CR not followed by LF becomes LF for the rest
// of the stream. In a file with LF or CRLF line endings a lone CR is left as it
// is: it is data, not a line break.
//
// Positions: an Error's Line counts LFs in the decoded text (after the CR
// translation above), from 1; its Col is the 1-based byte offset, within that
// decoded line, of the first character that could not be decoded. The caller
// turns bytes into characters if it wants to show a character column.
//
// The Reader decodes as a stream with fixed-size buffers: memory does not grow
// with the size of the file.
package textenc
