package courses

// Merge returns base with extra's courses added; a course of extra replaces
// the base course with the same id (e.g. a partner's own version of a
// default course, or courses ingested into the database). Base order is
// kept, new courses follow in extra's order; neither input is modified.
func Merge(base, extra []Course) []Course {
	byID := make(map[string]int, len(extra))
	for i, c := range extra {
		byID[c.ID] = i // a later duplicate in extra wins, as a later ingest would
	}
	out := make([]Course, 0, len(base)+len(extra))
	used := make(map[string]bool, len(extra))
	for _, c := range base {
		if i, ok := byID[c.ID]; ok {
			if !used[c.ID] {
				out = append(out, extra[i])
				used[c.ID] = true
			}
			continue
		}
		out = append(out, c)
	}
	for i, c := range extra {
		if byID[c.ID] == i && !used[c.ID] {
			out = append(out, c)
			used[c.ID] = true
		}
	}
	return out
}
