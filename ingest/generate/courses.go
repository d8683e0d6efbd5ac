package generate

import (
	"cmp"
	"encoding/csv"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
)

// course is a catalogue entry, offered in each language.
type course struct {
	code, level    string
	wl             int
	hours, price   int
	titles, blurbs [numLangs]string
}

var courses = []course{
	{"TEAMS-101", "beginner", wlTeams, 3, 450,
		[numLangs]string{"Teams essentials: chat, meetings and screen sharing", "Les essentiels de Teams : conversations, réunions et partage d'écran", "Teams Grundlagen: Chat, Besprechungen und Bildschirmfreigabe"},
		[numLangs]string{"Hands-on first steps: run a meeting, share your screen, record a meeting.", "Premiers pas pratiques : animer une réunion, partager son écran, enregistrer une réunion.", "Praktischer Einstieg: Besprechungen leiten, Bildschirm teilen, Besprechungen aufzeichnen."}},
	{"TEAMS-201", "intermediate", wlTeams, 4, 600,
		[numLangs]string{"Working in Teams channels", "Travailler avec les canaux Teams", "Arbeiten mit Teams-Kanälen"},
		[numLangs]string{"Teams and channels for projects, files and tabs, meeting recordings.", "Équipes et canaux pour les projets, fichiers et onglets, enregistrements de réunion.", "Teams und Kanäle für Projekte, Dateien und Registerkarten, Besprechungsaufzeichnungen."}},
	{"SP-101", "beginner", wlSharePoint, 3, 450,
		[numLangs]string{"SharePoint: sharing inside and outside the company", "SharePoint : partager en interne et en externe", "SharePoint: intern und extern teilen"},
		[numLangs]string{"Libraries, permissions, guest access and version history.", "Bibliothèques, autorisations, accès invités et historique des versions.", "Bibliotheken, Berechtigungen, Gastzugriff und Versionsverlauf."}},
	{"OD-101", "beginner", wlOneDrive, 2, 300,
		[numLangs]string{"OneDrive: sync, share and work offline", "OneDrive : synchroniser, partager, travailler hors ligne", "OneDrive: synchronisieren, teilen, offline arbeiten"},
		[numLangs]string{"Sync to your PC, restore deleted files, share safely.", "Synchroniser sur son PC, restaurer des fichiers supprimés, partager en sécurité.", "Mit dem PC synchronisieren, gelöschte Dateien wiederherstellen, sicher teilen."}},
	{"EXO-101", "beginner", wlExchange, 2, 300,
		[numLangs]string{"Outlook: calendars, delegates and shared mailboxes", "Outlook : calendriers, délégués et boîtes partagées", "Outlook: Kalender, Stellvertretungen und Sammelpostfächer"},
		[numLangs]string{"Delegate a calendar, work from a shared mailbox, rules and automatic replies.", "Déléguer un calendrier, travailler dans une boîte partagée, règles et réponses automatiques.", "Kalender delegieren, mit Sammelpostfächern arbeiten, Regeln und automatische Antworten."}},
	{"APPS-101", "beginner", wlApps, 3, 450,
		[numLangs]string{"Excel and Word: working together on documents", "Excel et Word : travailler à plusieurs sur un document", "Excel und Word: gemeinsam an Dokumenten arbeiten"},
		[numLangs]string{"Co-authoring, track changes, comments and version history.", "Coédition, suivi des modifications, commentaires et historique des versions.", "Gemeinsame Bearbeitung, Änderungsnachverfolgung, Kommentare und Versionsverlauf."}},
	{"SEC-101", "beginner", wlEntra, 1, 150,
		[numLangs]string{"Signing in safely: multi-factor authentication", "Se connecter en sécurité : l'authentification multifacteur", "Sicher anmelden: Multi-Faktor-Authentifizierung"},
		[numLangs]string{"Set up the Authenticator app, change phones, recognise phishing.", "Configurer l'application Authenticator, changer de téléphone, reconnaître le phishing.", "Authenticator-App einrichten, Handy wechseln, Phishing erkennen."}},
}

// courseID names a course in a language: the English one has no suffix.
func courseID(c course, lang int) string {
	if lang == langEN {
		return "C-" + c.code
	}
	return "C-" + c.code + "-" + map[int]string{langFR: "FR", langDE: "DE"}[lang]
}

func writeCourses(w *csv.Writer) (int, error) {
	if err := w.Write([]string{"course_id", "title", "workload", "level", "language", "duration_hours", "price", "currency", "description"}); err != nil {
		return 0, err
	}
	n := 0
	for _, c := range courses {
		for lang := range numLangs {
			rec := []string{courseID(c, lang), c.titles[lang], workloadNames[c.wl], c.level, langCodes[lang], strconv.Itoa(c.hours), strconv.Itoa(c.price), "EUR", c.blurbs[lang]}
			if err := w.Write(rec); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

var trainers = [numLangs]string{"emma.clarke@partner.example", "claire.moreau@partner.example", "jonas.becker@partner.example"}

// session is one delivery of a course; large groups are split over
// consecutive working days, one session each.
type session struct {
	day, acct int
	train     int // index of the training in the account's trainings
	row       []string
}

// id is the session's training_id.
func (s session) id() string { return s.row[1] }

// maxClass is the largest group a trainer takes in one session.
const maxClass = 20

// numberSessions lists the sessions of every training in date order,
// numbered TR-00001 on.
func numberSessions(accounts []*account, cal *calendar) []session {
	var all []session
	for _, a := range accounts {
		for i := range a.trainings {
			all = append(all, a.sessions(i, cal)...)
		}
	}
	slices.SortStableFunc(all, func(x, y session) int { return cmp.Or(cmp.Compare(x.day, y.day), cmp.Compare(x.acct, y.acct)) })
	for i := range all {
		all[i].row[1] = "TR-" + pad(i+1, 5)
	}
	return all
}

// writeTrainings writes the sessions delivered.
func writeTrainings(w *csv.Writer, sessions []session) (int, error) {
	if err := w.Write([]string{"account_id", "training_id", "course_id", "delivered_on", "attendees", "language", "trainer"}); err != nil {
		return 0, err
	}
	for i, s := range sessions {
		if err := w.Write(s.row); err != nil {
			return i, err
		}
	}
	return len(sessions), nil
}

// bookCourses picks each training's course, in the account's language, and
// how many people attend.
func bookCourses(a *account, rng *rand.Rand) {
	for i := range a.trainings {
		t := &a.trainings[i]
		var options []course
		for _, c := range courses {
			if c.wl == t.wl {
				options = append(options, c)
			}
		}
		t.course = courseID(pick(rng, options), a.lang)
		lic := int(a.licensed[t.day])
		t.attendees = min(lic, max(3, int(math.Round(float64(lic)*between(rng, 0.25, 0.6)))))
	}
}

// sessions splits the attendees of training i into groups a trainer can
// take.
func (a *account) sessions(i int, cal *calendar) []session {
	t := a.trainings[i]
	k := (t.attendees + maxClass - 1) / maxClass
	var out []session
	d := t.day
	for j := range k {
		n := t.attendees / k
		if j < t.attendees%k {
			n++
		}
		out = append(out, session{day: d, acct: a.idx, train: i,
			row: []string{a.id, "", t.course, string(cal.dates[d]), strconv.Itoa(n), langCodes[a.lang], trainers[a.lang]}})
		d = nextWorkday(a, d+1)
	}
	return out
}

// nextWorkday is the first day from d on when the account's office is open.
func nextWorkday(a *account, d int) int {
	for d < a.days-1 && a.work[d] < 0.5 {
		d++
	}
	return min(d, a.days-1)
}
