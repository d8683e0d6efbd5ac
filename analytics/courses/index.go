package courses

import "strings"

// workloadWords name the workloads themselves; they are dropped from themes
// and topics before matching, because the workload is matched on its own
// and "Teams" in a Teams theme says nothing about which Teams course fits.
var workloadWords = map[string]string{
	"Exchange": "exchange outlook", "Teams": "teams", "SharePoint": "sharepoint",
	"OneDrive": "onedrive", "Apps": "microsoft 365", "Entra ID": "entra id azure",
}

// adoptionMarkers are phrases that mark a course as a way into a workload,
// in the catalogue languages.
var adoptionMarkers = []string{
	"getting started", "first steps", "basics", "prise en main", "premiers pas", "bien démarrer",
	"erste Schritte", "champions", "ambassadors", "ambassadeurs", "adoption",
}

// phrase is one topic with its stems.
type phrase struct {
	text  string
	stems []string
}

// indexed is a course prepared for matching.
type indexed struct {
	course   Course
	workload string // canonical; "" = general
	language string
	phrases  []phrase
	all      map[string]bool // stems of every topic
	marker   string          // first topic that is an adoption marker, "" if none
}

// index prepares the catalogue; courses with an unknown workload are left
// out, as they can match no need.
func index(catalogue []Course) []indexed {
	markers := make([][]string, len(adoptionMarkers))
	for i, m := range adoptionMarkers {
		markers[i] = Normalize(m)
	}
	out := make([]indexed, 0, len(catalogue))
	for _, c := range catalogue {
		w, ok := CanonicalWorkload(c.Workload)
		if !ok {
			continue
		}
		ix := indexed{course: c, workload: w, language: languageCode(c.Language), all: map[string]bool{}}
		drop := stemSet(workloadWords[w])
		for _, t := range c.Topics {
			p := phrase{text: t, stems: without(Normalize(t), drop)}
			if len(p.stems) == 0 {
				continue
			}
			ix.phrases = append(ix.phrases, p)
			for _, s := range p.stems {
				ix.all[s] = true
			}
			if ix.marker == "" && isMarker(Normalize(t), markers) {
				ix.marker = t
			}
		}
		out = append(out, ix)
	}
	return out
}

// isMarker reports whether a topic's stems are exactly one marker's.
func isMarker(stems []string, markers [][]string) bool {
	for _, m := range markers {
		if strings.Join(stems, " ") == strings.Join(m, " ") {
			return true
		}
	}
	return false
}

// languageCode reduces "fr-FR" or "FR" to "fr".
func languageCode(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	return s
}

func stemSet(text string) map[string]bool {
	out := map[string]bool{}
	for _, s := range Normalize(text) {
		out[s] = true
	}
	return out
}

// without returns stems not in drop, each once, in order.
func without(stems []string, drop map[string]bool) []string {
	out := stems[:0]
	seen := map[string]bool{}
	for _, s := range stems {
		if !drop[s] && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
