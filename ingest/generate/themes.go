package generate

// Support categories, as the ingest names them.
const (
	catHowTo       = "howto"
	catBilling     = "billing"
	catDeployment  = "deployment"
	catPerformance = "performance"
	catUpdates     = "updates"
	catOther       = "other"
)

var categories = []string{catHowTo, catBilling, catDeployment, catPerformance, catUpdates, catOther}

// topic is one kind of support request with its wording per language. Topics
// with a theme id are the planted recurring how-to themes that analytics
// should find; the others are the everyday long tail.
type topic struct {
	theme    string // planted theme id, or ""
	key      string // short name, for the ground truth label of the long tail
	label    string
	category string
	wl       int     // workload index, -1 for none
	weight   float64 // how often, within its category (and workload, for how-to)
	text     [numLangs]phrasing
}

// phrasing holds paraphrases: several subjects and several bodies, combined
// freely, so no two accounts word the same question the same way.
type phrasing struct {
	subjects, bodies []string
}

// topics is the catalogue. Its wording avoids words that would make the
// ingest's category inference pick another category by accident; real
// tickets do that sometimes, and so does the long tail here.
var topics = []topic{
	// Planted how-to themes.
	{"teams-screen-sharing", "", "Share the screen in a Teams meeting", catHowTo, wlTeams, 0.3, [numLangs]phrasing{
		{[]string{"How do I share my screen in Teams?", "Screen sharing in a Teams meeting", "Can't find the share button in Teams meetings", "How to present my desktop during a Teams call", "Share only one window in Teams?"},
			[]string{"During meetings I cannot find the button to share my screen with the other participants.",
				"I need to present slides to a customer tomorrow in Teams. How do I share my screen so they only see the presentation and not my emails?",
				"When I click Share in a Teams call I don't know which option to choose. Can someone explain how screen sharing works?",
				"How can I let an external guest share their screen in our Teams meeting? They say the option is greyed out.",
				"Is there a way to share a single window instead of the whole desktop in Teams? I don't want people to see my notifications."}},
		{[]string{"Comment partager mon écran dans Teams ?", "Partage d'écran en réunion Teams", "Je ne trouve pas le bouton Partager dans Teams", "Présenter mon bureau pendant un appel Teams"},
			[]string{"Pendant les réunions je ne trouve pas le bouton pour partager mon écran avec les participants.",
				"Je dois présenter un diaporama à un client demain sur Teams. Comment partager mon écran pour qu'il ne voie que la présentation et pas mes mails ?",
				"Quand je clique sur Partager pendant un appel Teams, je ne sais pas quelle option choisir. Pouvez-vous m'expliquer comment fonctionne le partage d'écran ?",
				"Est-il possible de partager une seule fenêtre au lieu de tout l'écran dans Teams ? Je ne veux pas que les participants voient mes notifications."}},
		{[]string{"Wie kann ich in Teams meinen Bildschirm teilen?", "Bildschirmfreigabe in Teams-Besprechung", "Teilen-Schaltfläche in Teams nicht gefunden", "Desktop im Teams-Anruf präsentieren"},
			[]string{"In Besprechungen finde ich die Schaltfläche nicht, um meinen Bildschirm mit den Teilnehmern zu teilen.",
				"Ich muss morgen einem Kunden in Teams eine Präsentation zeigen. Wie teile ich meinen Bildschirm so, dass er nur die Folien und nicht meine E-Mails sieht?",
				"Wenn ich im Teams-Anruf auf Teilen klicke, weiß ich nicht, welche Option die richtige ist. Können Sie mir erklären, wie die Bildschirmfreigabe funktioniert?",
				"Kann man in Teams nur ein einzelnes Fenster statt des ganzen Bildschirms teilen? Die Teilnehmer sollen meine Benachrichtigungen nicht sehen."}},
	}},
	{"teams-channels", "", "Create and use Teams channels", catHowTo, wlTeams, 0.25, [numLangs]phrasing{
		{[]string{"How do I create a channel in Teams?", "Teams channels for our projects", "Private channel vs standard channel?", "How to add people to a Teams channel", "where do channel files go"},
			[]string{"We want one channel per project with its files and notes in one place. How do we organise that in our team?",
				"I created a team but I don't understand the difference between a standard, private and shared channel. Which one should I use for the management board?",
				"How can I add a colleague to just one channel without giving them access to the whole team?",
				"Where are the files that we post in a Teams channel stored, and can I open them in SharePoint?"}},
		{[]string{"Comment créer un canal dans Teams ?", "Canaux Teams pour nos projets", "Canal privé ou canal standard ?", "Ajouter des personnes à un canal Teams"},
			[]string{"Nous voulons un canal par projet avec les fichiers et les notes au même endroit. Comment l'organiser dans notre équipe ?",
				"J'ai créé une équipe mais je ne comprends pas la différence entre canal standard, privé et partagé. Lequel choisir pour le comité de direction ?",
				"Comment ajouter un collègue à un seul canal sans lui donner accès à toute l'équipe ?",
				"Où sont stockés les fichiers déposés dans un canal Teams, et peut-on les ouvrir dans SharePoint ?"}},
		{[]string{"Wie erstelle ich einen Kanal in Teams?", "Teams-Kanäle für unsere Projekte", "Privater oder Standardkanal?", "Personen zu einem Teams-Kanal hinzufügen"},
			[]string{"Wir möchten pro Projekt einen Kanal mit allen Dateien und Notizen an einem Ort. Wie organisieren wir das in unserem Team?",
				"Ich habe ein Team erstellt, verstehe aber den Unterschied zwischen Standard-, privatem und geteiltem Kanal nicht. Welchen nehmen wir für die Geschäftsleitung?",
				"Wie kann ich einen Kollegen nur zu einem Kanal hinzufügen, ohne ihm Zugriff auf das ganze Team zu geben?",
				"Wo werden die Dateien gespeichert, die wir in einem Teams-Kanal posten, und kann ich sie in SharePoint öffnen?"}},
	}},
	{"teams-recordings", "", "Record Teams meetings and find the recording", catHowTo, wlTeams, 0.2, [numLangs]phrasing{
		{[]string{"Where is the recording of my Teams meeting?", "How to record a Teams meeting", "Can't find Teams meeting recording", "Share a Teams recording with someone who missed the meeting"},
			[]string{"We recorded yesterday's meeting but I can't find the video anywhere. Where do Teams recordings end up?",
				"How do I start recording a meeting in Teams, and will the participants be told?",
				"A colleague missed the training session. How can I share the meeting recording with her?",
				"The record button is missing in some of my meetings. How do I turn on recording and transcription?"}},
		{[]string{"Où est l'enregistrement de ma réunion Teams ?", "Comment enregistrer une réunion Teams", "Enregistrement Teams introuvable", "Partager l'enregistrement d'une réunion Teams"},
			[]string{"Nous avons enregistré la réunion d'hier mais je ne trouve la vidéo nulle part. Où vont les enregistrements Teams ?",
				"Comment lancer l'enregistrement d'une réunion dans Teams, et les participants sont-ils prévenus ?",
				"Une collègue a manqué la formation. Comment lui partager l'enregistrement de la réunion ?",
				"Le bouton Enregistrer n'apparaît pas dans certaines réunions. Comment activer l'enregistrement et la transcription ?"}},
		{[]string{"Wo finde ich die Aufzeichnung meines Teams-Meetings?", "Wie zeichne ich eine Teams-Besprechung auf?", "Teams Aufzeichnung nicht auffindbar", "Aufzeichnung mit Kollegen teilen"},
			[]string{"Wir haben das Meeting gestern aufgezeichnet, aber ich finde das Video nirgends. Wo landen die Teams-Aufzeichnungen?",
				"Wie starte ich die Aufzeichnung einer Besprechung in Teams, und werden die Teilnehmer informiert?",
				"Eine Kollegin hat die Schulung verpasst. Wie kann ich ihr die Aufzeichnung der Besprechung freigeben?",
				"Bei manchen Besprechungen fehlt die Schaltfläche zum Aufzeichnen. Wie aktiviere ich Aufzeichnung und Transkription?"}},
	}},
	{"sharepoint-external-sharing", "", "Share SharePoint files with people outside the company", catHowTo, wlSharePoint, 0.62, [numLangs]phrasing{
		{[]string{"How do I share a SharePoint folder with an external partner?", "External sharing in SharePoint", "Give a supplier access to documents", "Guest can't open the link I sent"},
			[]string{"A supplier needs to read the documents in one folder only. What is the right way to share it with someone outside the company?",
				"I sent a sharing link to our accountant but she gets a message that she has no access. How do I share with external people?",
				"How can I give a customer access to a SharePoint library for a few weeks and then remove it again?",
				"Is it possible to let an external consultant upload files to our SharePoint site without giving access to everything?"}},
		{[]string{"Comment partager un dossier SharePoint avec un partenaire externe ?", "Partage externe SharePoint", "Donner accès à des documents à un fournisseur", "L'invité n'arrive pas à ouvrir le lien"},
			[]string{"Un fournisseur doit consulter les documents d'un seul dossier. Quelle est la bonne façon de le partager avec quelqu'un d'extérieur à l'entreprise ?",
				"J'ai envoyé un lien de partage à notre expert-comptable mais elle reçoit un message disant qu'elle n'a pas accès. Comment partager avec des personnes externes ?",
				"Comment donner accès à une bibliothèque SharePoint à un client pendant quelques semaines, puis le retirer ?",
				"Est-il possible de laisser un consultant externe déposer des fichiers sur notre site SharePoint sans lui donner accès à tout ?"}},
		{[]string{"Wie teile ich einen SharePoint-Ordner mit einem externen Partner?", "Externe Freigabe in SharePoint", "Lieferant soll Zugriff auf Dokumente bekommen", "Gast kann Freigabelink nicht öffnen"},
			[]string{"Ein Lieferant soll nur die Dokumente in einem Ordner lesen können. Wie gebe ich das richtig für jemanden außerhalb der Firma frei?",
				"Ich habe unserer Steuerberaterin einen Freigabelink geschickt, aber sie bekommt die Meldung, dass sie keinen Zugriff hat. Wie teile ich mit externen Personen?",
				"Wie kann ich einem Kunden für ein paar Wochen Zugriff auf eine SharePoint-Bibliothek geben und ihn danach wieder entfernen?",
				"Kann ein externer Berater Dateien auf unsere SharePoint-Seite hochladen, ohne dass er alles sehen kann?"}},
	}},
	{"onedrive-sync", "", "Sync OneDrive files to the computer", catHowTo, wlOneDrive, 0.62, [numLangs]phrasing{
		{[]string{"How to sync OneDrive files to my laptop", "Work offline with OneDrive files", "OneDrive folder not showing in File Explorer", "Sync a SharePoint library with OneDrive"},
			[]string{"I want to work on my files offline when I travel. How do I sync my OneDrive folder to the laptop?",
				"How can I see my OneDrive files in File Explorer like a normal folder? At the moment I only use the web page.",
				"We have a document library in SharePoint. Is there a way to sync it to my computer with OneDrive?",
				"I got a new PC. How do I get all my OneDrive files back on it and keep them in sync?"}},
		{[]string{"Comment synchroniser OneDrive sur mon ordinateur portable", "Travailler hors ligne avec OneDrive", "Le dossier OneDrive n'apparaît pas dans l'explorateur", "Synchroniser une bibliothèque SharePoint avec OneDrive"},
			[]string{"Je veux travailler sur mes fichiers hors ligne quand je me déplace. Comment synchroniser mon dossier OneDrive sur le portable ?",
				"Comment voir mes fichiers OneDrive dans l'explorateur de fichiers comme un dossier normal ? Pour l'instant je passe uniquement par le site web.",
				"Nous avons une bibliothèque de documents dans SharePoint. Est-il possible de la synchroniser sur mon ordinateur avec OneDrive ?",
				"J'ai un nouveau PC. Comment récupérer tous mes fichiers OneDrive dessus et les garder synchronisés ?"}},
		{[]string{"Wie synchronisiere ich OneDrive auf meinen Laptop?", "Offline mit OneDrive-Dateien arbeiten", "OneDrive-Ordner fehlt im Explorer", "SharePoint-Bibliothek mit OneDrive synchronisieren"},
			[]string{"Ich möchte unterwegs offline an meinen Dateien arbeiten. Wie synchronisiere ich meinen OneDrive-Ordner auf den Laptop?",
				"Wie sehe ich meine OneDrive-Dateien im Datei-Explorer wie einen normalen Ordner? Bisher nutze ich nur die Webseite.",
				"Wir haben eine Dokumentbibliothek in SharePoint. Kann ich die mit OneDrive auf meinen Rechner synchronisieren?",
				"Ich habe einen neuen PC bekommen. Wie bekomme ich alle OneDrive-Dateien darauf und halte sie synchron?"}},
	}},
	{"outlook-calendar-delegation", "", "Give a delegate access to an Outlook calendar", catHowTo, wlExchange, 0.33, [numLangs]phrasing{
		{[]string{"How do I give my assistant access to my calendar?", "Calendar delegation in Outlook", "Let a colleague manage my meetings", "Share my calendar with edit rights"},
			[]string{"My assistant needs to see my meetings and accept invitations on my behalf in Outlook. How do I arrange that?",
				"How can I let a colleague edit my calendar while I'm on leave, without giving her my password?",
				"I shared my calendar but my colleague can only see free/busy. How do I give her full details and the right to create appointments?",
				"Meeting requests should go to my assistant as well as to me. Is there a delegate option for this?"}},
		{[]string{"Comment donner accès à mon calendrier à mon assistante ?", "Délégation de calendrier dans Outlook", "Permettre à un collègue de gérer mes rendez-vous", "Partager mon calendrier en modification"},
			[]string{"Mon assistante doit voir mes rendez-vous et accepter les invitations à ma place dans Outlook. Comment faire ?",
				"Comment permettre à une collègue de modifier mon agenda pendant mes congés, sans lui donner mon mot de passe ?",
				"J'ai partagé mon calendrier mais mon collègue ne voit que disponible/occupé. Comment lui donner les détails et le droit de créer des rendez-vous ?",
				"Les demandes de réunion doivent arriver chez mon assistante et chez moi. Existe-t-il une option de délégation pour ça ?"}},
		{[]string{"Wie gebe ich meiner Assistentin Zugriff auf meinen Kalender?", "Kalenderstellvertretung in Outlook", "Kollege soll meine Termine verwalten", "Kalender mit Bearbeitungsrechten freigeben"},
			[]string{"Meine Assistentin muss meine Termine sehen und Einladungen in meinem Namen annehmen können. Wie geht das in Outlook?",
				"Wie kann eine Kollegin während meines Urlaubs meinen Kalender bearbeiten, ohne dass ich ihr mein Passwort gebe?",
				"Ich habe meinen Kalender freigegeben, aber mein Kollege sieht nur frei/gebucht. Wie bekommt er alle Details und das Recht, Termine anzulegen?",
				"Besprechungsanfragen sollen an meine Assistentin und an mich gehen. Gibt es dafür eine Stellvertreter-Option?"}},
	}},
	{"outlook-shared-mailbox", "", "Use a shared mailbox in Outlook", catHowTo, wlExchange, 0.27, [numLangs]phrasing{
		{[]string{"How do I open the shared mailbox in Outlook?", "Send from the info@ shared mailbox", "Shared mailbox not showing in Outlook", "Sent items of the shared mailbox"},
			[]string{"I was given access to the info@ mailbox but I can't see it in Outlook. How do I add it?",
				"How do I send an email from the shared support address instead of my own?",
				"When I send from the shared mailbox the message lands in my own Sent Items. Can it be saved in the shared mailbox instead?",
				"How can I open our team's shared mailbox on my phone?"}},
		{[]string{"Comment ouvrir la boîte partagée dans Outlook ?", "Envoyer depuis la boîte partagée contact@", "La boîte aux lettres partagée n'apparaît pas", "Éléments envoyés de la boîte partagée"},
			[]string{"On m'a donné accès à la boîte contact@ mais je ne la vois pas dans Outlook. Comment l'ajouter ?",
				"Comment envoyer un mail depuis l'adresse partagée du support plutôt que depuis la mienne ?",
				"Quand j'envoie depuis la boîte partagée, le message arrive dans mes propres éléments envoyés. Peut-on l'enregistrer dans la boîte partagée ?",
				"Comment ouvrir la boîte partagée de notre équipe sur mon téléphone ?"}},
		{[]string{"Wie öffne ich das freigegebene Postfach in Outlook?", "Aus dem Sammelpostfach info@ senden", "Geteiltes Postfach wird nicht angezeigt", "Gesendete Elemente im freigegebenen Postfach"},
			[]string{"Ich habe Zugriff auf das Postfach info@ bekommen, sehe es aber nicht in Outlook. Wie füge ich es hinzu?",
				"Wie sende ich eine E-Mail von der gemeinsamen Support-Adresse statt von meiner eigenen?",
				"Wenn ich aus dem freigegebenen Postfach sende, landet die Nachricht in meinen eigenen gesendeten Elementen. Kann sie im Sammelpostfach gespeichert werden?",
				"Wie kann ich das Sammelpostfach unseres Teams auf dem Handy öffnen?"}},
	}},
	{"excel-coauthoring", "", "Edit an Excel workbook together", catHowTo, wlApps, 0.55, [numLangs]phrasing{
		{[]string{"How can several people edit the same Excel file?", "Excel file locked for editing by another user", "Co-authoring in Excel", "See who changed what in a shared workbook"},
			[]string{"Three of us need to fill in the planning sheet at the same time. How do we work on the same Excel workbook together?",
				"Excel says the file is locked for editing by a colleague. How can we both edit it at once?",
				"How do I share an Excel workbook so that my team can edit it together and we don't end up with several copies?",
				"We edit the budget file together. Is there a way to see who changed which cell?"}},
		{[]string{"Comment modifier un fichier Excel à plusieurs ?", "Fichier Excel verrouillé par un autre utilisateur", "Coédition dans Excel", "Voir qui a modifié quoi dans un classeur partagé"},
			[]string{"Nous devons être trois à compléter le planning en même temps. Comment travailler ensemble sur le même classeur Excel ?",
				"Excel indique que le fichier est verrouillé par un collègue. Comment pouvons-nous le modifier tous les deux en même temps ?",
				"Comment partager un classeur Excel pour que mon équipe puisse le modifier ensemble sans se retrouver avec plusieurs copies ?",
				"Nous modifions le fichier budget à plusieurs. Est-il possible de voir qui a changé quelle cellule ?"}},
		{[]string{"Wie können mehrere Personen dieselbe Excel-Datei bearbeiten?", "Excel-Datei durch anderen Benutzer gesperrt", "Gemeinsam in Excel arbeiten", "Sehen, wer was in der Arbeitsmappe geändert hat"},
			[]string{"Wir müssen zu dritt gleichzeitig die Planung pflegen. Wie arbeiten wir zusammen in derselben Excel-Arbeitsmappe?",
				"Excel meldet, dass die Datei von einem Kollegen zur Bearbeitung gesperrt ist. Wie können wir beide gleichzeitig darin arbeiten?",
				"Wie teile ich eine Excel-Arbeitsmappe, damit mein Team gemeinsam darin arbeiten kann und wir nicht mehrere Kopien haben?",
				"Wir bearbeiten die Budgetdatei gemeinsam. Kann man sehen, wer welche Zelle geändert hat?"}},
	}},
	{"mfa-setup", "", "Set up multi-factor authentication", catHowTo, wlEntra, 0.85, [numLangs]phrasing{
		{[]string{"How do I set up MFA on my phone?", "Authenticator app setup", "New phone - how to move my MFA", "Asked for more information at sign-in"},
			[]string{"Since this morning Microsoft asks for more information when I sign in. How do I set up the Authenticator app?",
				"I got a new phone. How do I move the Microsoft Authenticator to it without losing access to my account?",
				"How can I use a text message instead of the app for the second sign-in step? I don't want work apps on my private phone.",
				"The QR code for multi-factor authentication doesn't scan. How do I register my phone?"}},
		{[]string{"Comment configurer la MFA sur mon téléphone ?", "Installation de l'application Authenticator", "Nouveau téléphone : comment transférer la double authentification", "Microsoft demande plus d'informations"},
			[]string{"Depuis ce matin Microsoft me demande plus d'informations à l'ouverture de session. Comment faire avec l'application Authenticator ?",
				"J'ai un nouveau téléphone. Comment y transférer Microsoft Authenticator sans perdre l'accès à mon compte ?",
				"Comment recevoir un SMS à la place de l'application pour la double authentification ? Je ne veux pas d'applications pro sur mon téléphone personnel.",
				"Le QR code pour l'authentification multifacteur ne se scanne pas. Comment enregistrer mon téléphone ?"}},
		{[]string{"Wie richte ich MFA auf dem Handy ein?", "Authenticator-App einrichten", "Neues Handy – wie übertrage ich die MFA?", "Bei der Anmeldung werden weitere Informationen verlangt"},
			[]string{"Seit heute Morgen verlangt Microsoft bei der Anmeldung weitere Informationen. Wie richte ich die Authenticator-App ein?",
				"Ich habe ein neues Handy. Wie übertrage ich den Microsoft Authenticator, ohne den Zugang zu meinem Konto zu verlieren?",
				"Kann ich statt der App eine SMS für den zweiten Anmeldeschritt nutzen? Ich möchte keine Firmen-Apps auf meinem privaten Handy.",
				"Der QR-Code für die Multi-Faktor-Authentifizierung lässt sich nicht scannen. Wie registriere ich mein Handy?"}},
	}},

	// The how-to long tail.
	{"", "teams-background", "Background effects in Teams", catHowTo, wlTeams, 0.13, [numLangs]phrasing{
		{[]string{"How do I blur my background in Teams?", "Custom background in Teams meetings"},
			[]string{"How can I blur the background or use our company image in Teams video calls?", "Where do I choose a background effect before joining a Teams meeting?"}},
		{[]string{"Comment flouter mon arrière-plan dans Teams ?", "Arrière-plan personnalisé dans Teams"},
			[]string{"Comment flouter l'arrière-plan ou mettre l'image de l'entreprise pendant les appels vidéo Teams ?", "Où choisir un effet d'arrière-plan avant de rejoindre une réunion Teams ?"}},
		{[]string{"Wie mache ich den Hintergrund in Teams unscharf?", "Eigener Hintergrund in Teams-Besprechungen"},
			[]string{"Wie kann ich in Teams-Videoanrufen den Hintergrund weichzeichnen oder unser Firmenbild verwenden?", "Wo wähle ich einen Hintergrundeffekt aus, bevor ich einer Besprechung beitrete?"}},
	}},
	{"", "teams-status", "Presence and status in Teams", catHowTo, wlTeams, 0.12, [numLangs]phrasing{
		{[]string{"How to set my status in Teams", "Teams always shows me as away"},
			[]string{"How do I set a status message in Teams so people know I'm out of the office?", "Teams shows me as away after five minutes. How can I change that?"}},
		{[]string{"Comment changer mon statut dans Teams", "Teams m'affiche toujours absent"},
			[]string{"Comment mettre un message de statut dans Teams pour indiquer que je suis absent ?", "Teams m'affiche absent au bout de cinq minutes. Comment changer ça ?"}},
		{[]string{"Wie setze ich meinen Status in Teams?", "Teams zeigt mich immer als abwesend"},
			[]string{"Wie kann ich in Teams eine Statusmeldung setzen, damit alle wissen, dass ich nicht im Büro bin?", "Teams zeigt mich nach fünf Minuten als abwesend an. Wie kann ich das ändern?"}},
	}},
	{"", "outlook-out-of-office", "Automatic replies in Outlook", catHowTo, wlExchange, 0.14, [numLangs]phrasing{
		{[]string{"How do I turn on an out of office reply?", "Automatic replies in Outlook"},
			[]string{"I'm on holiday from Monday. How do I turn on automatic replies in Outlook?", "How can I give people outside the company a different out-of-office message?"}},
		{[]string{"Comment activer le message d'absence ?", "Réponses automatiques dans Outlook"},
			[]string{"Je suis en congés à partir de lundi. Comment activer les réponses automatiques dans Outlook ?", "Comment mettre un message d'absence différent pour les personnes extérieures ?"}},
		{[]string{"Wie schalte ich eine Abwesenheitsnotiz ein?", "Automatische Antworten in Outlook"},
			[]string{"Ich bin ab Montag im Urlaub. Wie schalte ich in Outlook die automatischen Antworten ein?", "Wie kann ich für externe Absender eine andere Abwesenheitsnotiz hinterlegen?"}},
	}},
	{"", "outlook-signature", "E-mail signatures", catHowTo, wlExchange, 0.1, [numLangs]phrasing{
		{[]string{"How to add an email signature", "Signature missing on my phone"},
			[]string{"How do I add our company signature with the logo to my emails in Outlook?", "My signature shows on the PC but not when I send from my phone. How do I add it there?"}},
		{[]string{"Comment ajouter une signature de mail", "Signature absente sur mon téléphone"},
			[]string{"Comment ajouter la signature de l'entreprise avec le logo dans Outlook ?", "Ma signature apparaît sur le PC mais pas quand j'envoie depuis mon téléphone. Comment l'ajouter ?"}},
		{[]string{"Wie füge ich eine E-Mail-Signatur hinzu?", "Signatur fehlt auf dem Handy"},
			[]string{"Wie füge ich in Outlook unsere Firmensignatur mit Logo ein?", "Meine Signatur erscheint am PC, aber nicht, wenn ich vom Handy sende. Wie bekomme ich sie dorthin?"}},
	}},
	{"", "outlook-recall", "Recall or delay a message", catHowTo, wlExchange, 0.08, [numLangs]phrasing{
		{[]string{"Sent an email to the wrong person - how to recall?", "How to delay sending emails"},
			[]string{"I sent an email to the wrong customer. How can I recall it in Outlook?", "Is there a way to delay sending so I can still stop a message?"}},
		{[]string{"Mail envoyé à la mauvaise personne : comment le rappeler ?", "Comment différer l'envoi des mails"},
			[]string{"J'ai envoyé un mail au mauvais client. Comment le rappeler dans Outlook ?", "Est-il possible de différer l'envoi pour pouvoir encore arrêter un message ?"}},
		{[]string{"E-Mail an falschen Empfänger – wie zurückrufen?", "Wie kann ich das Senden verzögern?"},
			[]string{"Ich habe eine E-Mail an den falschen Kunden geschickt. Wie kann ich sie in Outlook zurückrufen?", "Kann man das Senden verzögern, damit ich eine Nachricht noch stoppen kann?"}},
	}},
	{"", "outlook-rules", "Mail rules in Outlook", catHowTo, wlExchange, 0.08, [numLangs]phrasing{
		{[]string{"How to create a rule in Outlook", "Move newsletters to a folder automatically"},
			[]string{"How do I create a rule so that emails from our suppliers go into their own folder?", "Is there a way to move all newsletters to a separate folder automatically?"}},
		{[]string{"Comment créer une règle dans Outlook", "Classer automatiquement les newsletters"},
			[]string{"Comment créer une règle pour que les mails de nos fournisseurs aillent dans un dossier à part ?", "Est-il possible de déplacer automatiquement toutes les newsletters dans un dossier ?"}},
		{[]string{"Wie erstelle ich eine Regel in Outlook?", "Newsletter automatisch verschieben"},
			[]string{"Wie lege ich eine Regel an, damit E-Mails unserer Lieferanten in einen eigenen Ordner gehen?", "Kann Outlook alle Newsletter automatisch in einen eigenen Ordner verschieben?"}},
	}},
	{"", "sharepoint-version-history", "Restore an earlier version of a document", catHowTo, wlSharePoint, 0.22, [numLangs]phrasing{
		{[]string{"How do I get back an older copy of a document?", "Document history in SharePoint"},
			[]string{"Someone overwrote our price list on SharePoint. How can I get back yesterday's copy?", "Where do I find the history of a file in a SharePoint library?"}},
		{[]string{"Comment restaurer une ancienne version d'un document ?", "Historique des versions dans SharePoint"},
			[]string{"Quelqu'un a écrasé notre liste de prix sur SharePoint. Comment récupérer la version d'hier ?", "Où trouver l'historique des versions d'un fichier dans une bibliothèque SharePoint ?"}},
		{[]string{"Wie stelle ich eine ältere Version eines Dokuments wieder her?", "Versionsverlauf in SharePoint"},
			[]string{"Jemand hat unsere Preisliste in SharePoint überschrieben. Wie bekomme ich die Version von gestern zurück?", "Wo finde ich den Versionsverlauf einer Datei in einer SharePoint-Bibliothek?"}},
	}},
	{"", "sharepoint-news", "Pages and news on the intranet", catHowTo, wlSharePoint, 0.16, [numLangs]phrasing{
		{[]string{"How to add a news post on our intranet", "Edit the home page of our SharePoint site"},
			[]string{"How do I publish a news post on our SharePoint intranet so everyone sees it?", "I'm supposed to edit the home page of our team site. How do I change the web parts?"}},
		{[]string{"Comment publier une actualité sur l'intranet", "Modifier la page d'accueil de notre site SharePoint"},
			[]string{"Comment publier une actualité sur notre intranet SharePoint pour que tout le monde la voie ?", "Je dois modifier la page d'accueil de notre site d'équipe. Comment changer les composants ?"}},
		{[]string{"Wie veröffentliche ich eine News im Intranet?", "Startseite unserer SharePoint-Seite bearbeiten"},
			[]string{"Wie veröffentliche ich einen News-Beitrag in unserem SharePoint-Intranet, damit ihn alle sehen?", "Ich soll die Startseite unserer Teamwebsite bearbeiten. Wie ändere ich die Webparts?"}},
	}},
	{"", "onedrive-restore", "Restore deleted OneDrive files", catHowTo, wlOneDrive, 0.38, [numLangs]phrasing{
		{[]string{"How do I get back a deleted file from OneDrive?", "Restore deleted OneDrive folder"},
			[]string{"I deleted a folder in OneDrive by mistake last week. How can I restore it?", "Where is the recycle bin for OneDrive? A file I need has disappeared."}},
		{[]string{"Comment récupérer un fichier supprimé dans OneDrive ?", "Restaurer un dossier OneDrive supprimé"},
			[]string{"J'ai supprimé un dossier OneDrive par erreur la semaine dernière. Comment le restaurer ?", "Où est la corbeille de OneDrive ? Un fichier dont j'ai besoin a disparu."}},
		{[]string{"Wie stelle ich eine gelöschte Datei in OneDrive wieder her?", "Gelöschten OneDrive-Ordner wiederherstellen"},
			[]string{"Ich habe letzte Woche versehentlich einen Ordner in OneDrive gelöscht. Wie kann ich ihn wiederherstellen?", "Wo ist der Papierkorb von OneDrive? Eine Datei, die ich brauche, ist verschwunden."}},
	}},
	{"", "word-track-changes", "Track changes in Word", catHowTo, wlApps, 0.25, [numLangs]phrasing{
		{[]string{"How to track changes in Word", "Accept all changes in a Word document"},
			[]string{"A customer wants to see what we changed in the contract. How do I turn on track changes in Word?", "How can I accept all the changes in a document at once?"}},
		{[]string{"Comment suivre les modifications dans Word", "Accepter toutes les modifications d'un document Word"},
			[]string{"Un client veut voir ce que nous avons changé dans le contrat. Comment activer le suivi des modifications dans Word ?", "Comment accepter toutes les modifications d'un document en une fois ?"}},
		{[]string{"Wie verfolge ich Änderungen in Word?", "Alle Änderungen in einem Word-Dokument annehmen"},
			[]string{"Ein Kunde möchte sehen, was wir im Vertrag geändert haben. Wie schalte ich in Word die Nachverfolgung ein?", "Wie kann ich alle Änderungen in einem Dokument auf einmal annehmen?"}},
	}},
	{"", "powerpoint-presenter-view", "Presenter view in PowerPoint", catHowTo, wlApps, 0.2, [numLangs]phrasing{
		{[]string{"How do I use presenter view in PowerPoint?", "Show my notes only on my laptop while presenting"},
			[]string{"When I present on the projector I want to see my notes on the laptop only. How do I do that in PowerPoint?", "How can I choose which screen shows the slides in PowerPoint?"}},
		{[]string{"Comment utiliser le mode présentateur dans PowerPoint ?", "Voir mes notes uniquement sur mon portable"},
			[]string{"Quand je présente sur le vidéoprojecteur je veux voir mes notes seulement sur le portable. Comment faire dans PowerPoint ?", "Comment choisir l'écran qui affiche les diapositives dans PowerPoint ?"}},
		{[]string{"Wie nutze ich die Referentenansicht in PowerPoint?", "Notizen nur auf dem Laptop anzeigen"},
			[]string{"Wenn ich am Beamer präsentiere, möchte ich meine Notizen nur auf dem Laptop sehen. Wie geht das in PowerPoint?", "Wie wähle ich aus, auf welchem Bildschirm PowerPoint die Folien zeigt?"}},
	}},
	{"", "password-self-service", "Reset or change one's own password", catHowTo, wlEntra, 0.15, [numLangs]phrasing{
		{[]string{"How do I reset my own password?", "Change my password before it expires"},
			[]string{"I forgot my password. Is there a way to reset it myself without calling you?", "Outlook says my password expires in 3 days. How do I change it?"}},
		{[]string{"Comment réinitialiser mon mot de passe moi-même ?", "Changer mon mot de passe avant expiration"},
			[]string{"J'ai oublié mon mot de passe. Est-il possible de le réinitialiser moi-même sans vous appeler ?", "Outlook m'indique que mon mot de passe expire dans 3 jours. Comment le changer ?"}},
		{[]string{"Wie setze ich mein Passwort selbst zurück?", "Passwort vor Ablauf ändern"},
			[]string{"Ich habe mein Passwort vergessen. Kann ich es selbst zurücksetzen, ohne bei Ihnen anzurufen?", "Outlook meldet, dass mein Passwort in 3 Tagen abläuft. Wie ändere ich es?"}},
	}},

	// Billing.
	{"", "billing-invoice-seats", "Invoice charges unused licences", catBilling, -1, 0.35, [numLangs]phrasing{
		{[]string{"Invoice shows more licences than we use", "Question about this month's invoice"},
			[]string{"This month's invoice charges for seats we never assigned. Please check our subscription and credit the difference.", "We were billed for 25 licences but only have 20 people. Can you correct the invoice?"}},
		{[]string{"La facture indique plus de licences que nous n'en utilisons", "Question sur la facture du mois"},
			[]string{"La facture de ce mois compte des licences que nous n'avons jamais attribuées. Merci de vérifier l'abonnement et de nous faire un avoir.", "Nous sommes facturés pour 25 licences alors que nous ne sommes que 20. Pouvez-vous corriger la facture ?"}},
		{[]string{"Rechnung zeigt mehr Lizenzen als wir nutzen", "Frage zur Rechnung diesen Monat"},
			[]string{"Die Rechnung dieses Monats berechnet Lizenzen, die wir nie zugewiesen haben. Bitte prüfen Sie das Abonnement und schreiben Sie uns die Differenz gut.", "Uns wurden 25 Lizenzen berechnet, wir sind aber nur 20 Mitarbeiter. Können Sie die Rechnung korrigieren?"}},
	}},
	{"", "billing-add-licences", "Order more licences", catBilling, -1, 0.3, [numLangs]phrasing{
		{[]string{"Please add 5 licences", "Order more licences for new starters"},
			[]string{"We are hiring and need five more licences from next month. Please add them to our subscription.", "Could you order three additional licences? Please confirm the new monthly price before you bill us."}},
		{[]string{"Merci d'ajouter 5 licences", "Commande de licences supplémentaires"},
			[]string{"Nous recrutons et avons besoin de cinq licences de plus dès le mois prochain. Merci de les ajouter à notre abonnement.", "Pouvez-vous commander trois licences supplémentaires ? Merci de confirmer le nouveau prix mensuel avant facturation."}},
		{[]string{"Bitte 5 Lizenzen hinzufügen", "Zusätzliche Lizenzen bestellen"},
			[]string{"Wir stellen ein und brauchen ab nächstem Monat fünf weitere Lizenzen. Bitte fügen Sie sie unserem Abonnement hinzu.", "Können Sie drei zusätzliche Lizenzen bestellen? Bitte bestätigen Sie vor der Abrechnung den neuen Monatspreis."}},
	}},
	{"", "billing-payment", "Payment method", catBilling, -1, 0.15, [numLangs]phrasing{
		{[]string{"Credit card expired - payment", "Change of payment method"},
			[]string{"Our company credit card has expired. Where do we send the new card details for the monthly payment?", "We would like to pay by direct debit instead of card from now on."}},
		{[]string{"Carte bancaire expirée", "Changement de moyen de paiement"},
			[]string{"La carte bancaire de l'entreprise a expiré. À qui transmettre la nouvelle pour le paiement mensuel ?", "Nous souhaitons désormais payer par prélèvement plutôt que par carte."}},
		{[]string{"Kreditkarte abgelaufen", "Änderung der Zahlungsart"},
			[]string{"Unsere Firmenkreditkarte ist abgelaufen. An wen schicken wir die neue Karte für die monatliche Zahlung?", "Wir möchten ab sofort per Lastschrift statt per Karte zahlen."}},
	}},
	{"", "billing-invoice-copy", "Invoice copy or correction", catBilling, -1, 0.2, [numLangs]phrasing{
		{[]string{"Copy of invoice needed", "VAT number missing on invoice"},
			[]string{"Our accountant needs a copy of the March invoice. Could you send it again?", "The invoice is missing our VAT number. Please issue a corrected invoice."}},
		{[]string{"Besoin d'une copie de facture", "Numéro de TVA absent de la facture"},
			[]string{"Notre comptable a besoin d'une copie de la facture de mars. Pouvez-vous la renvoyer ?", "Il manque notre numéro de TVA sur la facture. Merci d'émettre une facture corrigée."}},
		{[]string{"Rechnungskopie benötigt", "USt-IdNr. fehlt auf der Rechnung"},
			[]string{"Unsere Buchhaltung braucht eine Kopie der Märzrechnung. Können Sie sie noch einmal schicken?", "Auf der Rechnung fehlt unsere USt-IdNr. Bitte stellen Sie eine korrigierte Rechnung aus."}},
	}},

	// Deployment.
	{"", "deploy-new-starter", "Accounts for new employees", catDeployment, wlExchange, 0.35, [numLangs]phrasing{
		{[]string{"New starter on Monday - please set up account", "Accounts for two new employees"},
			[]string{"A new colleague starts on Monday. Please set up her account, mailbox and Teams, and add her to the sales group.", "Two new employees join next week. Can you set up their accounts and assign licences?"}},
		{[]string{"Nouvelle arrivée lundi : merci de configurer le compte", "Comptes pour deux nouveaux salariés"},
			[]string{"Une nouvelle collègue arrive lundi. Merci de créer et configurer son compte, sa boîte mail et son accès Teams, et de l'ajouter au groupe commercial.", "Deux nouveaux salariés arrivent la semaine prochaine. Pouvez-vous paramétrer leurs comptes ?"}},
		{[]string{"Neue Mitarbeiterin ab Montag – bitte Konto einrichten", "Konten für zwei neue Mitarbeiter einrichten"},
			[]string{"Eine neue Kollegin fängt am Montag an. Bitte nehmen Sie die Einrichtung von Konto, Postfach und Teams vor und nehmen Sie sie in die Vertriebsgruppe auf.", "Nächste Woche kommen zwei neue Mitarbeiter. Können Sie die Konten einrichten und Lizenzen zuweisen?"}},
	}},
	{"", "deploy-laptop", "Install Office on new computers", catDeployment, wlApps, 0.3, [numLangs]phrasing{
		{[]string{"Install Office on new laptop", "New laptop setup"},
			[]string{"We bought a new laptop for our accountant. Please install Office and sign it in to our company account.", "Can you set up the new laptops that arrived today? Four of them, same configuration as the others."}},
		{[]string{"Installer Office sur un nouveau portable", "Préparation d'un nouvel ordinateur à configurer"},
			[]string{"Nous avons acheté un nouveau portable pour notre comptable. Merci d'installer Office et de le rattacher à notre compte entreprise.", "Pouvez-vous configurer les nouveaux portables arrivés aujourd'hui ? Il y en a quatre, même configuration que les autres."}},
		{[]string{"Office auf neuem Laptop installieren", "Einrichtung neuer Laptop"},
			[]string{"Wir haben einen neuen Laptop für unsere Buchhaltung gekauft. Bitte installieren Sie Office und binden Sie ihn an unser Firmenkonto an.", "Können Sie die heute gelieferten Laptops einrichten? Es sind vier Stück, gleiche Konfiguration wie die anderen."}},
	}},
	{"", "deploy-migration", "Mailbox migration", catDeployment, wlExchange, 0.15, [numLangs]phrasing{
		{[]string{"Migrate mailbox from old provider", "Migrate our emails from Gmail"},
			[]string{"We still have two mailboxes at our old provider. Can you migrate them to Microsoft 365 this month?", "Please migrate the emails and calendar of our director from Gmail to her new Outlook mailbox."}},
		{[]string{"Migration de boîtes mail depuis l'ancien hébergeur", "Migrer nos mails depuis Gmail"},
			[]string{"Nous avons encore deux boîtes mail chez notre ancien hébergeur. Pouvez-vous les migrer vers Microsoft 365 ce mois-ci ?", "Merci de migrer les mails et le calendrier de notre directrice de Gmail vers sa nouvelle boîte Outlook."}},
		{[]string{"Postfachmigration vom alten Anbieter", "E-Mails von Gmail migrieren"},
			[]string{"Wir haben noch zwei Postfächer bei unserem alten Anbieter. Können Sie diese diesen Monat zu Microsoft 365 migrieren?", "Bitte migrieren Sie E-Mails und Kalender unserer Geschäftsführerin von Gmail in ihr neues Outlook-Postfach."}},
	}},
	{"", "deploy-scan-to-email", "Scan to e-mail on printers", catDeployment, -1, 0.2, [numLangs]phrasing{
		{[]string{"Set up scan to email on the printer", "Configure the scanner for Microsoft 365"},
			[]string{"Our multifunction printer should send scans by email. Can you configure it with our Microsoft 365 account?", "Since we moved to Microsoft 365 the scanner can't send emails any more. Please set it up again."}},
		{[]string{"Configurer le scan vers mail sur l'imprimante", "Paramétrage du scanner"},
			[]string{"Notre imprimante multifonction doit envoyer les scans par mail. Pouvez-vous la configurer avec notre compte Microsoft 365 ?", "Depuis le passage à Microsoft 365 le scanner n'envoie plus de mails. Merci de le paramétrer à nouveau."}},
		{[]string{"Scan-to-Mail am Drucker einrichten", "Scanner konfigurieren"},
			[]string{"Unser Multifunktionsdrucker soll Scans per E-Mail senden. Können Sie ihn mit unserem Microsoft-365-Konto konfigurieren?", "Seit der Umstellung auf Microsoft 365 verschickt der Scanner keine E-Mails mehr. Bitte konfigurieren Sie ihn neu."}},
	}},

	// Performance and availability.
	{"", "perf-outlook-slow", "Outlook slow or freezing", catPerformance, wlExchange, 0.3, [numLangs]phrasing{
		{[]string{"Outlook very slow", "Outlook freezes when opening emails"},
			[]string{"Since this morning Outlook takes minutes to start and freezes when I open an attachment.", "Outlook is extremely slow, searching takes forever and it keeps saying Not Responding."}},
		{[]string{"Outlook très lent", "Outlook plante à l'ouverture des mails"},
			[]string{"Depuis ce matin Outlook met plusieurs minutes à démarrer et plante quand j'ouvre une pièce jointe.", "Outlook est extrêmement lent, la recherche prend une éternité et il affiche Ne répond pas."}},
		{[]string{"Outlook sehr langsam", "Outlook Absturz beim Öffnen von Mails"},
			[]string{"Seit heute Morgen braucht Outlook Minuten zum Starten und friert ein, wenn ich einen Anhang öffne. Sehr langsam.", "Outlook ist extrem langsam, die Suche dauert ewig und es zeigt ständig Keine Rückmeldung."}},
	}},
	{"", "perf-teams-calls", "Teams call quality", catPerformance, wlTeams, 0.25, [numLangs]phrasing{
		{[]string{"Teams calls keep dropping", "Poor audio in Teams meetings - connection"},
			[]string{"Our Teams calls drop after a few minutes and the sound is choppy. The internet connection seems fine otherwise.", "People can't hear me properly in Teams meetings, the audio cuts out all the time. Is our connection too slow?"}},
		{[]string{"Les appels Teams coupent", "Mauvaise connexion pendant les réunions Teams"},
			[]string{"Nos appels Teams coupent au bout de quelques minutes et le son hache. La connexion internet semble correcte par ailleurs.", "Les participants m'entendent mal en réunion Teams, le son coupe sans arrêt. Notre connexion est-elle trop lente ?"}},
		{[]string{"Teams-Anrufe brechen ab", "Schlechte Verbindung in Teams-Besprechungen"},
			[]string{"Unsere Teams-Anrufe brechen nach ein paar Minuten ab und der Ton stockt. Die Internetverbindung scheint sonst in Ordnung.", "Die anderen hören mich in Teams-Besprechungen schlecht, der Ton setzt ständig aus. Ist unsere Verbindung zu langsam?"}},
	}},
	{"", "perf-sharepoint-access", "SharePoint site unavailable", catPerformance, wlSharePoint, 0.15, [numLangs]phrasing{
		{[]string{"Cannot access SharePoint site", "Error opening files on SharePoint"},
			[]string{"Since yesterday I get an error when I open our team site: Sorry, something went wrong.", "Files on SharePoint won't open, it loads forever and then shows an error."}},
		{[]string{"Site SharePoint en panne ?", "Les fichiers SharePoint plantent à l'ouverture"},
			[]string{"Depuis hier notre site d'équipe semble en panne : « Désolé, un problème est survenu ».", "Les fichiers sur SharePoint ne s'ouvrent plus, ça charge sans fin puis ça plante."}},
		{[]string{"Kein Zugriff auf SharePoint-Seite – Fehler", "Fehler beim Öffnen von SharePoint-Dateien"},
			[]string{"Seit gestern bekomme ich beim Öffnen unserer Teamwebsite einen Fehler: Leider ist ein Problem aufgetreten.", "Dateien in SharePoint öffnen sich nicht, es lädt ewig und dann kommt eine Fehlermeldung."}},
	}},
	{"", "perf-onedrive-sync-error", "OneDrive sync errors", catPerformance, wlOneDrive, 0.15, [numLangs]phrasing{
		{[]string{"OneDrive sync error", "OneDrive stuck on processing changes"},
			[]string{"OneDrive shows a red cross and an error that it can't sync some files. Nothing has been uploaded since Tuesday.", "OneDrive has been stuck on Processing changes for two days and the laptop is very slow."}},
		{[]string{"OneDrive : synchronisation en panne", "OneDrive bloqué, PC très lent"},
			[]string{"OneDrive affiche une croix rouge et ne synchronise plus certains fichiers, la synchronisation est en panne depuis mardi.", "OneDrive reste bloqué sur Traitement des modifications depuis deux jours et le portable est très lent."}},
		{[]string{"OneDrive Synchronisierungsfehler", "OneDrive hängt, Laptop langsam"},
			[]string{"OneDrive zeigt ein rotes Kreuz und einen Fehler, dass einige Dateien nicht synchronisiert werden können. Seit Dienstag wurde nichts mehr hochgeladen.", "OneDrive hängt seit zwei Tagen bei Änderungen werden verarbeitet und der Laptop ist sehr langsam."}},
	}},
	{"", "perf-vpn", "VPN and remote connection", catPerformance, -1, 0.15, [numLangs]phrasing{
		{[]string{"VPN keeps disconnecting", "Can't connect from home"},
			[]string{"The VPN drops every few minutes when I work from home, so I lose the connection to the file server.", "Since the weekend I cannot connect to the company network from home."}},
		{[]string{"Le VPN se déconnecte sans arrêt", "Connexion impossible depuis la maison"},
			[]string{"Le VPN coupe la connexion toutes les quelques minutes en télétravail et je perds l'accès au serveur de fichiers.", "Depuis le week-end je n'arrive plus à me connecter au réseau de l'entreprise depuis chez moi."}},
		{[]string{"VPN trennt ständig die Verbindung", "Keine Verbindung im Homeoffice"},
			[]string{"Das VPN bricht im Homeoffice alle paar Minuten die Verbindung ab, dann habe ich keinen Zugriff mehr auf den Dateiserver.", "Seit dem Wochenende bekomme ich von zu Hause keine Verbindung mehr zum Firmennetz."}},
	}},

	// Updates.
	{"", "upd-office-failed", "Office update failures", catUpdates, wlApps, 0.35, [numLangs]phrasing{
		{[]string{"Office update failed", "Office update problem on several PCs"},
			[]string{"The latest Office update stops halfway on three machines. Can you have a look?", "Word and Excel keep asking to update but the update fails every time."}},
		{[]string{"Échec de la mise à jour d'Office", "Mise à jour Office bloquée sur plusieurs postes"},
			[]string{"La dernière mise à jour d'Office s'arrête à mi-chemin sur trois postes. Pouvez-vous regarder ?", "Word et Excel demandent sans cesse une mise à jour mais elle échoue à chaque fois."}},
		{[]string{"Office-Update fehlgeschlagen", "Office-Update hängt auf mehreren PCs"},
			[]string{"Das letzte Office-Update bleibt auf drei Rechnern auf halbem Weg stehen. Können Sie sich das ansehen?", "Word und Excel wollen ständig aktualisieren, aber das Update schlägt jedes Mal fehl."}},
	}},
	{"", "upd-new-teams", "Move to the new Teams client", catUpdates, wlTeams, 0.25, [numLangs]phrasing{
		{[]string{"Switch to the new Teams version", "New Teams version message"},
			[]string{"Teams keeps showing a banner about the new Teams version. Should we upgrade now, and will we lose our chats?", "Please roll out the new Teams version to all our PCs, some users still have the classic version."}},
		{[]string{"Mise à jour vers le nouveau Teams", "Message sur la nouvelle version de Teams"},
			[]string{"Teams affiche un bandeau sur la nouvelle version. Faut-il faire la mise à jour maintenant, et allons-nous perdre nos conversations ?", "Merci de passer tous nos postes à la nouvelle version de Teams, certains utilisateurs ont encore l'ancienne version."}},
		{[]string{"Upgrade auf das neue Teams", "Hinweis auf neue Teams-Version"},
			[]string{"Teams zeigt ständig einen Hinweis zur neuen Version. Sollen wir jetzt aktualisieren, und gehen dabei unsere Chats verloren?", "Bitte bringen Sie alle PCs auf die neue Teams-Version, manche Benutzer haben noch die klassische Version."}},
	}},
	{"", "upd-windows", "Windows updates", catUpdates, -1, 0.25, [numLangs]phrasing{
		{[]string{"Windows update stuck", "PC restarting for updates during the day"},
			[]string{"My PC has been stuck at Working on updates 30% for an hour.", "Laptops restart for updates in the middle of the working day. Can you schedule them for the evening?"}},
		{[]string{"Mise à jour Windows bloquée", "Le PC redémarre en pleine journée pour une mise à jour"},
			[]string{"Mon PC est bloqué sur Mise à jour en cours 30 % depuis une heure.", "Les portables redémarrent pour une mise à jour en pleine journée. Pouvez-vous programmer les mises à jour le soir ?"}},
		{[]string{"Windows-Update hängt", "PC startet tagsüber für Updates neu"},
			[]string{"Mein PC hängt seit einer Stunde bei Updates werden bearbeitet 30 %.", "Die Laptops starten mitten am Arbeitstag für Updates neu. Können Sie das auf den Abend legen?"}},
	}},
	{"", "upd-addin-broken", "Add-ins broken by an update", catUpdates, wlExchange, 0.15, [numLangs]phrasing{
		{[]string{"Add-in stopped working after update", "CRM add-in missing in Outlook since update"},
			[]string{"Since last night's update our CRM add-in no longer appears in Outlook.", "After the update the PDF add-in in Word is gone. Can you bring it back?"}},
		{[]string{"Complément ne fonctionne plus après la mise à jour", "Complément CRM disparu d'Outlook depuis la mise à jour"},
			[]string{"Depuis la mise à jour de cette nuit, notre complément CRM n'apparaît plus dans Outlook.", "Après la mise à jour, le complément PDF de Word a disparu. Pouvez-vous le remettre ?"}},
		{[]string{"Add-in funktioniert nach Update nicht mehr", "CRM-Add-in fehlt in Outlook seit dem Update"},
			[]string{"Seit dem Update heute Nacht wird unser CRM-Add-in in Outlook nicht mehr angezeigt.", "Nach dem Update ist das PDF-Add-in in Word verschwunden. Können Sie es wieder einspielen?"}},
	}},

	// Other.
	{"", "other-phishing", "Suspicious e-mail", catOther, -1, 0.35, [numLangs]phrasing{
		{[]string{"Suspicious email received", "Is this email a phishing attempt?"},
			[]string{"I received an email asking me to confirm my password on a strange website. I didn't click anything. Is it phishing?", "Several colleagues got a strange email with a link to a shared document. Can you block the sender?"}},
		{[]string{"Mail suspect reçu", "Tentative d'hameçonnage ?"},
			[]string{"J'ai reçu un mail me demandant de confirmer mon mot de passe sur un site bizarre. Je n'ai rien cliqué. Est-ce du phishing ?", "Plusieurs collègues ont reçu un mail étrange avec un lien vers un document partagé. Pouvez-vous bloquer l'expéditeur ?"}},
		{[]string{"Verdächtige E-Mail erhalten", "Ist das eine Phishing-Mail?"},
			[]string{"Ich habe eine E-Mail bekommen, in der ich mein Passwort auf einer seltsamen Seite bestätigen soll. Ich habe nichts angeklickt. Ist das Phishing?", "Mehrere Kollegen haben eine merkwürdige E-Mail mit einem Link zu einem geteilten Dokument bekommen. Können Sie den Absender sperren?"}},
	}},
	{"", "other-hardware", "Hardware request", catOther, -1, 0.3, [numLangs]phrasing{
		{[]string{"Request for a new headset", "Second monitor for home office"},
			[]string{"My headset is broken. Can you order a new one, the same model as before?", "I'd like a second monitor for working from home. Who approves this?"}},
		{[]string{"Demande de nouveau casque", "Deuxième écran pour le télétravail"},
			[]string{"Mon casque est cassé. Pouvez-vous en commander un nouveau, même modèle qu'avant ?", "Je souhaiterais un deuxième écran pour le télétravail. Qui valide la demande ?"}},
		{[]string{"Neues Headset benötigt", "Zweiter Monitor fürs Homeoffice"},
			[]string{"Mein Headset ist kaputt. Können Sie ein neues bestellen, gleiches Modell wie vorher?", "Ich hätte gern einen zweiten Monitor fürs Homeoffice. Wer genehmigt das?"}},
	}},
	{"", "other-office-move", "Office move", catOther, -1, 0.15, [numLangs]phrasing{
		{[]string{"Office move next month", "We are moving offices"},
			[]string{"We move to a new office on the 15th. Can someone help us with the network and the printers?", "Please plan a technician for our office move in three weeks."}},
		{[]string{"Déménagement des bureaux le mois prochain", "Nous changeons de locaux"},
			[]string{"Nous déménageons le 15 dans de nouveaux bureaux. Quelqu'un peut-il nous aider pour le réseau et les imprimantes ?", "Merci de prévoir un technicien pour notre déménagement dans trois semaines."}},
		{[]string{"Büroumzug nächsten Monat", "Wir ziehen um"},
			[]string{"Wir ziehen am 15. in ein neues Büro. Kann uns jemand beim Netzwerk und den Druckern helfen?", "Bitte planen Sie für unseren Umzug in drei Wochen einen Techniker ein."}},
	}},
	{"", "other-thanks", "Thanks and feedback", catOther, -1, 0.2, [numLangs]phrasing{
		{[]string{"Thanks for the quick help", "Feedback on last week's ticket"},
			[]string{"Just wanted to say thank you, everything works again since your colleague's call.", "Your technician was great last week. Please pass on our thanks."}},
		{[]string{"Merci pour l'aide rapide", "Retour sur le ticket de la semaine dernière"},
			[]string{"Je voulais simplement vous remercier, tout fonctionne à nouveau depuis l'appel de votre collègue.", "Votre technicien a été parfait la semaine dernière. Merci de lui transmettre nos remerciements."}},
		{[]string{"Danke für die schnelle Hilfe", "Rückmeldung zum Ticket von letzter Woche"},
			[]string{"Wollte mich nur bedanken, seit dem Anruf Ihres Kollegen funktioniert alles wieder.", "Ihr Techniker war letzte Woche super. Bitte richten Sie unseren Dank aus."}},
	}},
}
