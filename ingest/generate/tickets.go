package generate

import (
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"time"
)

// ticketTemplate is one recurring support question, phrased per language.
type ticketTemplate struct {
	category, workload string
	subject, body      map[string]string
}

// templates hold the recurring questions; how-to ones dominate where adoption is low.
var templates = []ticketTemplate{
	{"howto", "Teams", map[string]string{"en": "How do I share my screen in a Teams meeting?", "fr": "Comment partager mon écran dans une réunion Teams ?", "de": "Wie kann ich meinen Bildschirm in einer Teams-Besprechung teilen?"},
		map[string]string{"en": "During meetings I cannot find the button to share my screen with the other participants.", "fr": "Pendant les réunions je ne trouve pas le bouton pour partager mon écran avec les participants.", "de": "In Besprechungen finde ich die Schaltfläche nicht, um meinen Bildschirm mit den Teilnehmern zu teilen."}},
	{"howto", "Teams", map[string]string{"en": "How to create a channel for our project team", "fr": "Comment créer un canal pour notre équipe projet", "de": "Wie erstelle ich einen Kanal für unser Projektteam"},
		map[string]string{"en": "We want a channel for the project with the files in one place. How do we set it up?", "fr": "Nous voulons un canal pour le projet avec les fichiers au même endroit. Comment faire ?", "de": "Wir möchten einen Kanal für das Projekt mit allen Dateien an einem Ort. Wie richten wir das ein?"}},
	{"howto", "SharePoint", map[string]string{"en": "How do I give an external partner access to a SharePoint folder?", "fr": "Comment donner accès à un dossier SharePoint à un partenaire externe ?", "de": "Wie gebe ich einem externen Partner Zugriff auf einen SharePoint-Ordner?"},
		map[string]string{"en": "A supplier needs to read the documents in one folder only. What is the right way to share it?", "fr": "Un fournisseur doit lire les documents d'un seul dossier. Quelle est la bonne façon de le partager ?", "de": "Ein Lieferant soll nur die Dokumente in einem Ordner lesen. Wie teile ich ihn richtig?"}},
	{"howto", "OneDrive", map[string]string{"en": "How to sync OneDrive files to my laptop", "fr": "Comment synchroniser les fichiers OneDrive sur mon ordinateur portable", "de": "Wie synchronisiere ich OneDrive-Dateien auf meinen Laptop"},
		map[string]string{"en": "I want to work offline on my files. How do I sync the OneDrive folder?", "fr": "Je veux travailler hors ligne sur mes fichiers. Comment synchroniser le dossier OneDrive ?", "de": "Ich möchte offline an meinen Dateien arbeiten. Wie synchronisiere ich den OneDrive-Ordner?"}},
	{"howto", "Exchange", map[string]string{"en": "How do I share my calendar with my assistant?", "fr": "Comment partager mon calendrier avec mon assistante ?", "de": "Wie teile ich meinen Kalender mit meiner Assistentin?"},
		map[string]string{"en": "My assistant needs to see and edit my meetings in Outlook.", "fr": "Mon assistante doit voir et modifier mes réunions dans Outlook.", "de": "Meine Assistentin muss meine Termine in Outlook sehen und bearbeiten."}},
	{"billing", "", map[string]string{"en": "Invoice shows more licences than we use", "fr": "La facture indique plus de licences que nous utilisons", "de": "Rechnung zeigt mehr Lizenzen als wir nutzen"},
		map[string]string{"en": "This month's invoice charges seats we never assigned. Please check the subscription.", "fr": "La facture de ce mois compte des licences jamais attribuées. Merci de vérifier l'abonnement.", "de": "Die Rechnung dieses Monats berechnet Lizenzen, die wir nie zugewiesen haben. Bitte das Abonnement prüfen."}},
	{"deployment", "Teams", map[string]string{"en": "Set up Teams for new hires", "fr": "Configurer Teams pour les nouveaux arrivants", "de": "Teams für neue Mitarbeiter einrichten"},
		map[string]string{"en": "Five new employees start Monday and need Teams installed and configured.", "fr": "Cinq nouveaux salariés arrivent lundi et ont besoin de Teams installé et configuré.", "de": "Fünf neue Mitarbeiter beginnen am Montag und brauchen Teams installiert und konfiguriert."}},
	{"performance", "Exchange", map[string]string{"en": "Outlook is very slow to open", "fr": "Outlook est très lent à s'ouvrir", "de": "Outlook startet sehr langsam"},
		map[string]string{"en": "Since this morning Outlook takes minutes to start and freezes.", "fr": "Depuis ce matin Outlook met plusieurs minutes à démarrer et se fige.", "de": "Seit heute Morgen braucht Outlook Minuten zum Starten und friert ein."}},
	{"updates", "", map[string]string{"en": "Office update failed on several PCs", "fr": "La mise à jour d'Office a échoué sur plusieurs postes", "de": "Office-Update auf mehreren PCs fehlgeschlagen"},
		map[string]string{"en": "The latest update stops with an error on three machines.", "fr": "La dernière mise à jour s'arrête avec une erreur sur trois machines.", "de": "Das letzte Update bricht auf drei Rechnern mit einem Fehler ab."}},
}

var (
	channels   = []string{"email", "portal", "phone", "chat"}
	priorities = []string{"low", "normal", "normal", "normal", "high", "urgent"}
	// responseTarget is a plausible first-response time in minutes per priority.
	responseTarget = map[string]int{"urgent": 30, "high": 120, "normal": 480, "low": 1440}
)

func writeTickets(w *csv.Writer, rng *rand.Rand, accounts []account, start time.Time, days int) (int, error) {
	if err := w.Write([]string{"account_id", "ticket_id", "created_at", "updated_at", "channel", "category", "priority", "status", "subject", "body", "language", "workload", "first_response_minutes", "resolution_minutes", "satisfaction", "escalated_to_vendor"}); err != nil {
		return 0, err
	}
	n := 0
	for _, a := range accounts {
		// Low adoption brings more tickets, mostly how-to questions.
		low := 1 - (a.propensity["Teams"]+a.propensity["SharePoint"]+a.propensity["OneDrive"])/3
		perDay := float64(a.users) * (0.002 + 0.01*low)
		for d := 0; d < days; d++ {
			for k := 0; k < poisson(rng, perDay); k++ {
				t := pickTemplate(rng, low)
				created := start.AddDate(0, 0, d).Add(time.Duration(7*60+rng.IntN(11*60)) * time.Minute)
				prio := priorities[rng.IntN(len(priorities))]
				firstResp := float64(rng.IntN(2 * responseTarget[prio]))
				resolution := firstResp + float64(60+rng.IntN(72*60))
				status, updated := "closed", created.Add(time.Duration(resolution)*time.Minute)
				resStr, csat := strconv.FormatFloat(resolution, 'f', 0, 64), ""
				if d > days-4 && rng.IntN(2) == 0 {
					status, updated, resStr = "open", created.Add(time.Duration(firstResp)*time.Minute), ""
				} else if rng.Float64() < 0.6 {
					csat = strconv.Itoa(csatScore(rng, firstResp, float64(responseTarget[prio])))
				}
				category := t.category
				if rng.Float64() < 0.25 {
					category = "" // many help desks leave the category empty: Uptake infers it
				}
				escalated := "0"
				if t.category != "howto" && rng.Float64() < 0.08 {
					escalated = "1"
				}
				n++
				rec := []string{a.id, fmt.Sprintf("T-%07d", n), created.Format(time.RFC3339), updated.Format(time.RFC3339), channels[rng.IntN(len(channels))],
					category, prio, status, t.subject[a.lang], t.body[a.lang], a.lang, t.workload, strconv.FormatFloat(firstResp, 'f', 0, 64), resStr, csat, escalated}
				if err := w.Write(rec); err != nil {
					return n, err
				}
			}
		}
	}
	return n, nil
}

func pickTemplate(rng *rand.Rand, low float64) ticketTemplate {
	if rng.Float64() < 0.3+0.5*low {
		return templates[rng.IntN(5)] // the how-to questions
	}
	return templates[5+rng.IntN(len(templates)-5)]
}

// csatScore is 1–5, better when the first response beat its target.
func csatScore(rng *rand.Rand, firstResp, target float64) int {
	s := 4 + rng.IntN(2)
	if firstResp > target {
		s -= 1 + rng.IntN(3)
	}
	return max(1, s)
}

// poisson draws a Poisson count by Knuth's method (fine for small means).
func poisson(rng *rand.Rand, mean float64) int {
	l, k, p := math.Exp(-mean), 0, 1.0
	for {
		p *= rng.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

var courses = [][]string{
	{"C-TEAMS-101", "Teams essentials: chat, meetings and screen sharing", "Teams", "beginner", "en", "3", "450", "EUR", "Hands-on first steps in Teams"},
	{"C-TEAMS-101-FR", "Les essentiels de Teams : conversations, réunions et partage d'écran", "Teams", "beginner", "fr", "3", "450", "EUR", "Premiers pas pratiques dans Teams"},
	{"C-TEAMS-101-DE", "Teams Grundlagen: Chat, Besprechungen und Bildschirmfreigabe", "Teams", "beginner", "de", "3", "450", "EUR", "Praktischer Einstieg in Teams"},
	{"C-TEAMS-201", "Running projects in Teams channels", "Teams", "intermediate", "en", "4", "600", "EUR", "Channels, files and tabs for project work"},
	{"C-SP-101", "SharePoint sharing and permissions", "SharePoint", "beginner", "en", "3", "450", "EUR", "Share safely inside and outside the company"},
	{"C-SP-101-FR", "Partage et autorisations SharePoint", "SharePoint", "beginner", "fr", "3", "450", "EUR", "Partager en sécurité en interne et en externe"},
	{"C-OD-101", "OneDrive: sync, share and work offline", "OneDrive", "beginner", "en", "2", "300", "EUR", "Files everywhere, safely"},
	{"C-OD-101-DE", "OneDrive: synchronisieren, teilen, offline arbeiten", "OneDrive", "beginner", "de", "2", "300", "EUR", "Dateien überall, sicher"},
	{"C-EXO-101", "Outlook calendars and delegation", "Exchange", "beginner", "en", "2", "300", "EUR", "Shared calendars, delegates and meeting rooms"},
}

func writeCourses(w *csv.Writer) (int, error) {
	if err := w.Write([]string{"course_id", "title", "workload", "level", "language", "duration_hours", "price", "currency", "description"}); err != nil {
		return 0, err
	}
	return len(courses), w.WriteAll(courses)
}

func writeTrainings(w *csv.Writer, rng *rand.Rand, accounts []account, start time.Time) (int, error) {
	if err := w.Write([]string{"account_id", "training_id", "course_id", "delivered_on", "attendees", "language", "trainer"}); err != nil {
		return 0, err
	}
	n := 0
	for _, a := range accounts {
		if a.trainedOn < 0 {
			continue
		}
		course := ""
		for _, c := range courses {
			if c[2] == a.trainedWorkload && (c[4] == a.lang || course == "") {
				course = c[0]
			}
		}
		n++
		rec := []string{a.id, fmt.Sprintf("TR-%05d", n), course, start.AddDate(0, 0, a.trainedOn).Format("2006-01-02"),
			strconv.Itoa(max(3, a.users/3+rng.IntN(5))), a.lang, "trainer@partner.example"}
		if err := w.Write(rec); err != nil {
			return n, err
		}
	}
	return n, nil
}
