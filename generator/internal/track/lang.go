package track

import "strings"

// english reports whether lang, a site's language tag, is English: "en",
// "en-GB", "EN_us". Every other tag, and "", is Chinese.
func english(lang string) bool {
	l := strings.ToLower(lang)
	return l == "en" || strings.HasPrefix(l, "en-") || strings.HasPrefix(l, "en_")
}
