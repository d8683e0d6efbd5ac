package themes

import (
	"slices"
	"strings"
	"testing"
)

func TestStemmers(t *testing.T) {
	cases := []struct {
		lang       int
		word, want string
	}{
		{langEN, "sharing", "shar"}, {langEN, "shared", "shar"}, {langEN, "shares", "shar"}, {langEN, "share", "shar"},
		{langEN, "synchronise", "synchroniz"}, {langEN, "synchronized", "synchroniz"}, {langEN, "copies", "copi"},
		{langEN, "copied", "copi"}, {langEN, "files", "fil"}, {langEN, "recordings", "record"}, {langEN, "access", "access"},
		{langFR, "partagee", "partag"}, {langFR, "partager", "partag"}, {langFR, "partagez", "partag"},
		{langFR, "enregistrements", "enregistr"}, {langFR, "synchronisation", "synchronis"}, {langFR, "canaux", "canal"},
		{langFR, "documents", "docum"}, {langFR, "client", "client"},
		{langDE, "aufzeichnungen", "aufzeichnung"}, {langDE, "dateien", "datei"}, {langDE, "besprechungen", "besprechung"},
		{langDE, "ordnern", "ordn"}, {langDE, "ordner", "ordn"}, {langDE, "kanals", "kanal"},
	}
	for _, c := range cases {
		if got := stem(c.lang, c.word); got != c.want {
			t.Errorf("stem(%s, %q) = %q, want %q", langCodes[c.lang], c.word, got, c.want)
		}
	}
}

func TestFoldAndSqueeze(t *testing.T) {
	for in, want := range map[string]string{"Écran": "ecran", "Größe": "grosse", "cœur": "coeur", "e\u0301cran": "ecran", "plain": "plain"} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"cooupent": "coupent", "aillleurs": "ailleurs", "apels": "apels", "耀耀": "耀耀"} {
		if got := squeeze(in); got != squeeze(want) || in == "apels" && got != "apels" {
			t.Errorf("squeeze(%q) = %q", in, got)
		}
	}
}

// tokens analyses one text as a subject in the given language.
func tokens(text, lang string) []string {
	r := newAnalyser(nil).analyse(text, "", lang)
	return slices.DeleteFunc(slices.Clone(r.tokens), func(s string) bool { return s == "" })
}

func TestTokenising(t *testing.T) {
	cases := []struct {
		text, lang string
		want       []string
	}{
		{"L'écran de l'ordinateur", "fr", []string{"SCREEN", "COMPUTER"}},
		{"l'ecran de l'ordinateur", "fr", []string{"SCREEN", "COMPUTER"}},
		{"Teams-Besprechung", "de", []string{"TEAMS", "MEETING"}},
		{"Bildschirmfreigabe", "de", []string{"SCREEN", "SHARE"}},
		{"Kalenderstellvertretung", "de", []string{"CALENDAR", "DELEGATE"}},
		{"E-Mail-Signatur", "de", []string{"EMAIL", "SIGNATURE"}},
		{"Ouutlook très lent", "fr", []string{"OUTLOOK", "SLOW"}},
		{"mot de passe oublié", "fr", []string{"PASSWORD", "FORGOT"}},
		{"How do I sign in to Teams?", "en", []string{"SIGNIN", "TEAMS"}},
		{"Wie richte ich das Postfach ein?", "de", []string{"SETUP", "MAILBOX"}},
		{"the quick brown foxes", "en", []string{"quick", "brown", "fox"}},
		{"Windows 11 INC0012345 O365", "en", []string{"WINDOWS", "OFFICE"}},
	}
	for _, c := range cases {
		if got := tokens(c.text, c.lang); !slices.Equal(got, c.want) {
			t.Errorf("tokens(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// The same question in English, French and German meets on the same
// concept tokens.
func TestGlossarySharesConceptsAcrossLanguages(t *testing.T) {
	cases := []struct {
		en, fr, de string
		want       []string
	}{
		{"share my screen", "partager mon écran", "meinen Bildschirm teilen", []string{"SCREEN", "SHARE"}},
		{"my password", "mon mot de passe", "mein Kennwort", []string{"PASSWORD"}},
		{"the calendar", "le calendrier", "der Kalender", []string{"CALENDAR"}},
		{"the recording", "l'enregistrement", "die Aufzeichnung", []string{"RECORD"}},
		{"the mailbox", "la boîte aux lettres", "das Postfach", []string{"MAILBOX"}},
		{"a channel", "un canal", "ein Kanal", []string{"CHANNEL"}},
		{"an external guest", "un invité externe", "ein externer Gast", []string{"EXTERNAL", "GUEST"}},
		{"restore a deleted file", "restaurer un fichier supprimé", "gelöschte Datei wiederherstellen", []string{"DELETE", "FILE", "RESTORE"}},
		{"sign in", "s'identifier", "anmelden", []string{"SIGNIN"}},
		{"sync the folder", "synchroniser le dossier", "den Ordner synchronisieren", []string{"FOLDER", "SYNC"}},
		{"permissions", "les autorisations", "die Berechtigungen", []string{"PERMISSION"}},
		{"on my phone", "sur mon téléphone", "auf dem Handy", []string{"PHONE"}},
	}
	for _, c := range cases {
		for lang, text := range map[string]string{"en": c.en, "fr": c.fr, "de": c.de} {
			got := tokens(text, lang)
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("%s %q → %q, want %q", lang, text, got, c.want)
			}
		}
	}
}

// Every glossary form, read in its own language, gives its own concept:
// no form is shadowed by another concept's stem or by a stop word.
func TestGlossaryFormsMapToTheirConcept(t *testing.T) {
	a := newAnalyser(nil)
	for _, c := range glossary {
		for l, forms := range [numLangs]string{c.en, c.fr, c.de} {
			for _, f := range strings.Split(forms, "|") {
				if f == "" {
					continue
				}
				var got []string
				forSegments(strings.TrimPrefix(f, "="), nil, func(ws []word) {
					a.out = a.out[:0]
					a.segment(ws, l)
					got = append(got, slices.DeleteFunc(slices.Clone(a.out), func(s string) bool { return s == "" })...)
				})
				if strings.Join(got, "+") != c.token {
					t.Errorf("%s form %q of %s gives %q", langCodes[l], f, c.token, got)
				}
			}
		}
	}
}

func TestLanguageDetection(t *testing.T) {
	cases := []struct {
		subject, body, hint, want string
	}{
		{"How do I share my screen", "I can't find the button in the meeting.", "fr", "en"},
		{"Partage d'écran", "Bonjour, comment partager mon écran avec les participants ?", "", "fr"},
		{"Bildschirm teilen", "Wie kann ich meinen Bildschirm mit den Teilnehmern teilen?", "en", "de"},
		{"Outlook", "", "de", "de"},
		{"Outlook", "", "", "en"},
		{"Teams", "", "French", "fr"},
	}
	for _, c := range cases {
		got := langCodes[newAnalyser(nil).analyse(c.subject, c.body, c.hint).lang]
		if got != c.want {
			t.Errorf("language of %q/%q with hint %q = %s, want %s", c.subject, c.body, c.hint, got, c.want)
		}
	}
}

// A sentence in another language inside a ticket is read in its own
// language (English stemming gives "load"); the subject comes first.
func TestSegmentsKeepTheirLanguage(t *testing.T) {
	r := newAnalyser(nil).analyse("Partage d'écran", "Bonjour, je ne peux pas partager mon écran avec les participants. Le message dit : Loading failed while uploading the file.", "fr")
	if r.lang != langFR || r.nSubject != 3 || !slices.Contains(r.tokens, "load") || !slices.Contains(r.tokens, "UPLOAD") {
		t.Fatalf("analysis %+v", r)
	}
}
