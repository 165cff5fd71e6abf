<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <name>BlindScorecard</name>
    <message>
        <location filename="../calibration_scoring.py" line="68"/>
        <source>Score the call yourself: the automatic verdicts and the other reviewers&apos; stay hidden until you have submitted.</source>
        <extracomment>choices made so far, kept by the page while the reviewer looks at other calls</extracomment>
        <translation>Arvioi puhelu itse: automaattiset tulokset ja muiden arvioijien arviot pysyvät piilossa, kunnes olet lähettänyt omasi.</translation>
    </message>
    <message>
        <location filename="../calibration_scoring.py" line="86"/>
        <source>choose…</source>
        <translation>valitse…</translation>
    </message>
    <message>
        <location filename="../calibration_scoring.py" line="128"/>
        <source>Submit my scores</source>
        <translation>Lähetä arvioni</translation>
    </message>
    <message>
        <location filename="../calibration_scoring.py" line="129"/>
        <source>Submit my scores ({0} still open)</source>
        <translation>Lähetä arvioni ({0} vielä avoinna)</translation>
    </message>
</context>
<context>
    <name>CalibrationReport</name>
    <message>
        <location filename="../calibration_report.py" line="36"/>
        <source>{0}%</source>
        <translation>{0} %</translation>
    </message>
</context>
<context>
    <name>CalibrationView</name>
    <message>
        <location filename="../calibration_view.py" line="70"/>
        <source>&lt;h2&gt;Calibration&lt;/h2&gt;</source>
        <extracomment>what the page shows of a call: enough to tell the calls apart (never its scores) the sessions are listed (tests wait for it) a session&apos;s report (or the reason it is closed) is shown</extracomment>
        <translation>&lt;h2&gt;Kalibrointi&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../calibration_view.py" line="72"/>
        <source>New session…</source>
        <translation>Uusi kalibrointi…</translation>
    </message>
    <message>
        <location filename="../calibration_view.py" line="74"/>
        <source>Refresh</source>
        <translation>Päivitä</translation>
    </message>
    <message>
        <location filename="../calibration_view.py" line="84"/>
        <source>Session</source>
        <translation>Kalibrointi</translation>
    </message>
    <message>
        <location filename="../calibration_view.py" line="84"/>
        <source>Owner</source>
        <translation>Vetäjä</translation>
    </message>
    <message>
        <location filename="../calibration_view.py" line="84"/>
        <source>Reviews submitted</source>
        <translation>Arvioita lähetetty</translation>
    </message>
    <message>
        <location filename="../calibration_view.py" line="85"/>
        <source>Your calls to score</source>
        <translation>Sinulta arvioimatta</translation>
    </message>
    <message>
        <location filename="../calibration_view.py" line="101"/>
        <source>Score my calls</source>
        <translation>Arvioi puheluni</translation>
    </message>
    <message>
        <location filename="../calibration_view.py" line="102"/>
        <source>Report</source>
        <translation>Raportti</translation>
    </message>
    <message>
        <location filename="../calibration_view.py" line="124"/>
        <source>Calibration sessions are for team leads, trainers and admins.</source>
        <translation>Kalibroinnit ovat esihenkilöille, kouluttajille ja ylläpitäjille.</translation>
    </message>
    <message>
        <location filename="../calibration_view.py" line="126"/>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <location filename="../calibration_view.py" line="130"/>
        <source>Could not read the sessions: {0}</source>
        <translation>Kalibrointeja ei voitu lukea: {0}</translation>
    </message>
    <message>
        <location filename="../calibration_view.py" line="143"/>
        <source>No calibration sessions yet. Start one with “New session…”: pick a few calls and the reviewers who score them blind.</source>
        <translation>Kalibrointeja ei vielä ole. Aloita ”Uusi kalibrointi…”: valitse muutama puhelu ja arvioijat, jotka arvioivat ne toistensa arvioita näkemättä.</translation>
    </message>
    <message>
        <location filename="../calibration_view.py" line="150"/>
        <location filename="../calibration_view.py" line="153"/>
        <source>{0} of {1}</source>
        <translation>{0}/{1}</translation>
    </message>
    <message>
        <location filename="../calibration_view.py" line="154"/>
        <source>all done</source>
        <translation>kaikki tehty</translation>
    </message>
    <message>
        <location filename="../calibration_view.py" line="190"/>
        <source>Choose a session to see its report.</source>
        <translation>Valitse kalibrointi nähdäksesi sen raportin.</translation>
    </message>
    <message>
        <location filename="../calibration_view.py" line="198"/>
        <source>Could not read the report: {0}</source>
        <translation>Raporttia ei voitu lukea: {0}</translation>
    </message>
    <message>
        <location filename="../calibration_view.py" line="206"/>
        <source>The report opens once you have submitted your scores for every call of this session (until then it would unblind you).</source>
        <translation>Raportti avautuu, kun olet lähettänyt arviosi kaikista tämän kalibroinnin puheluista (sitä ennen se paljastaisi muiden arviot).</translation>
    </message>
</context>
<context>
    <name>CallDateDialog</name>
    <message>
        <location filename="../date_dialog.py" line="34"/>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>d.M.yyyy HH.mm</translation>
    </message>
    <message>
        <location filename="../date_dialog.py" line="44"/>
        <source>Date of the call</source>
        <translation>Puhelun päivämäärä</translation>
    </message>
    <message>
        <location filename="../date_dialog.py" line="46"/>
        <source>When did this call happen? Trends and period reports count it on this date.</source>
        <translation>Milloin puhelu käytiin? Kehitystrendit ja jaksoraportit laskevat sen tälle päivälle.</translation>
    </message>
</context>
<context>
    <name>CallDateField</name>
    <message>
        <location filename="../import_dialog.py" line="28"/>
        <source>Call date</source>
        <translation>Puhelun päivämäärä</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="31"/>
        <source>The file&apos;s own time (when it was last modified)</source>
        <translation>Tiedoston oma aika (viimeisin muokkaus)</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="32"/>
        <source>Each file&apos;s own time (when it was last modified)</source>
        <translation>Kunkin tiedoston oma aika (viimeisin muokkaus)</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="33"/>
        <source>This date and time:</source>
        <translation>Tämä päivä ja kellonaika:</translation>
    </message>
</context>
<context>
    <name>ChangeDateButton</name>
    <message>
        <location filename="../date_dialog.py" line="67"/>
        <source>Change date…</source>
        <translation>Muuta päivämäärää…</translation>
    </message>
    <message>
        <location filename="../date_dialog.py" line="68"/>
        <source>Correct when this call happened (the import took the file&apos;s time)</source>
        <translation>Korjaa puhelun ajankohta (tuonti käytti tiedoston aikaa)</translation>
    </message>
    <message>
        <location filename="../date_dialog.py" line="85"/>
        <source>Date not changed</source>
        <translation>Päivämäärää ei muutettu</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../dashboard_view.py" line="30"/>
        <location filename="../dashboard_view.py" line="57"/>
        <source>Agent</source>
        <translation>Asiakaspalvelija</translation>
    </message>
    <message>
        <location filename="../dashboard_view.py" line="52"/>
        <source>&lt;b&gt;Most often missed&lt;/b&gt;</source>
        <translation>&lt;b&gt;Useimmin puuttuvat&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../dashboard_view.py" line="59"/>
        <source>Team trends</source>
        <translation>Tiimin kehitys</translation>
    </message>
    <message>
        <location filename="../dashboard_view.py" line="82"/>
        <source>Nothing scored yet: import and score some calls first.</source>
        <translation>Ei vielä arviointeja: tuo ja arvioi ensin puheluita.</translation>
    </message>
    <message>
        <location filename="../dashboard_view.py" line="95"/>
        <source>Average total per week</source>
        <translation>Keskiarvo viikoittain</translation>
    </message>
    <message>
        <location filename="../dashboard_view.py" line="95"/>
        <source>Average total per day</source>
        <translation>Keskiarvo päivittäin</translation>
    </message>
    <message>
        <location filename="../dashboard_view.py" line="97"/>
        <location filename="../dashboard_view.py" line="104"/>
        <source>Team</source>
        <translation>Tiimi</translation>
    </message>
    <message>
        <location filename="../dashboard_view.py" line="114"/>
        <source>Met rate per criterion (%)</source>
        <translation>Kriteerien täyttymisaste (%)</translation>
    </message>
</context>
<context>
    <name>Dispute</name>
    <message>
        <location filename="../labels.py" line="127"/>
        <source>open</source>
        <translation>avoin</translation>
    </message>
    <message>
        <location filename="../labels.py" line="127"/>
        <source>accepted</source>
        <translation>hyväksytty</translation>
    </message>
    <message>
        <location filename="../labels.py" line="128"/>
        <source>rejected</source>
        <translation>hylätty</translation>
    </message>
</context>
<context>
    <name>DisputeDialog</name>
    <message>
        <location filename="../dispute_dialog.py" line="63"/>
        <source>Dispute the verdict</source>
        <translation>Oikaisupyyntö</translation>
    </message>
    <message>
        <location filename="../dispute_dialog.py" line="64"/>
        <source>The lead&apos;s review has “{0}” as {1}. Which verdict do you think is right, and why?</source>
        <translation>Esihenkilön arviossa kohta ”{0}” on {1}. Mikä arvio on mielestäsi oikea, ja miksi?</translation>
    </message>
    <message>
        <location filename="../dispute_dialog.py" line="66"/>
        <source>Reason</source>
        <translation>Perustelu</translation>
    </message>
    <message>
        <location filename="../dispute_dialog.py" line="66"/>
        <source>A reason is needed: the lead reads it with your dispute.</source>
        <translation>Perustelu tarvitaan: esihenkilö lukee sen oikaisupyyntösi kanssa.</translation>
    </message>
    <message>
        <location filename="../dispute_dialog.py" line="71"/>
        <source>Right verdict</source>
        <translation>Oikea arvio</translation>
    </message>
</context>
<context>
    <name>DisputeNote</name>
    <message>
        <location filename="../dispute_dialog.py" line="101"/>
        <source>You disputed this ({0} → {1}): {2}</source>
        <translation>Pyysit oikaisua ({0} → {1}): {2}</translation>
    </message>
    <message>
        <location filename="../dispute_dialog.py" line="102"/>
        <source>Waiting for the lead&apos;s answer.</source>
        <translation>Odottaa esihenkilön vastausta.</translation>
    </message>
    <message>
        <location filename="../dispute_dialog.py" line="103"/>
        <source>Dispute {0} by {1}: {2}</source>
        <translation>Oikaisupyyntö {0} ({1}): {2}</translation>
    </message>
</context>
<context>
    <name>DisputesView</name>
    <message>
        <location filename="../disputes_view.py" line="51"/>
        <source>&lt;b&gt;Disputes&lt;/b&gt;</source>
        <extracomment>the Show filter&apos;s choices, in its order a dispute was answered (the library&apos;s badges change)</extracomment>
        <translation>&lt;b&gt;Oikaisupyynnöt&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../disputes_view.py" line="53"/>
        <source>Show</source>
        <translation>Näytä</translation>
    </message>
    <message>
        <location filename="../disputes_view.py" line="55"/>
        <source>open, then answered</source>
        <translation>avoimet, sitten vastatut</translation>
    </message>
    <message>
        <location filename="../disputes_view.py" line="55"/>
        <source>open only</source>
        <translation>vain avoimet</translation>
    </message>
    <message>
        <location filename="../disputes_view.py" line="55"/>
        <source>answered only</source>
        <translation>vain vastatut</translation>
    </message>
    <message>
        <location filename="../disputes_view.py" line="59"/>
        <source>Accept…</source>
        <translation>Hyväksy…</translation>
    </message>
    <message>
        <location filename="../disputes_view.py" line="60"/>
        <source>Reject…</source>
        <translation>Hylkää…</translation>
    </message>
    <message>
        <location filename="../disputes_view.py" line="61"/>
        <source>Open call</source>
        <translation>Avaa puhelu</translation>
    </message>
    <message>
        <location filename="../disputes_view.py" line="72"/>
        <source>Call</source>
        <translation>Puhelu</translation>
    </message>
    <message>
        <location filename="../disputes_view.py" line="72"/>
        <source>Agent</source>
        <translation>Asiakaspalvelija</translation>
    </message>
    <message>
        <location filename="../disputes_view.py" line="72"/>
        <source>Criterion</source>
        <translation>Kriteeri</translation>
    </message>
    <message>
        <location filename="../disputes_view.py" line="72"/>
        <source>Lead&apos;s verdict → asked for</source>
        <translation>Esihenkilön arvio → pyydetty</translation>
    </message>
    <message>
        <location filename="../disputes_view.py" line="73"/>
        <source>Agent&apos;s reason</source>
        <translation>Asiakaspalvelijan perustelu</translation>
    </message>
    <message>
        <location filename="../disputes_view.py" line="73"/>
        <source>Opened</source>
        <translation>Jätetty</translation>
    </message>
    <message>
        <location filename="../disputes_view.py" line="73"/>
        <source>Outcome</source>
        <translation>Ratkaisu</translation>
    </message>
    <message>
        <location filename="../disputes_view.py" line="100"/>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <location filename="../disputes_view.py" line="104"/>
        <source>Could not read the disputes: {0}</source>
        <translation>Oikaisupyyntöjä ei voitu lukea: {0}</translation>
    </message>
    <message>
        <location filename="../disputes_view.py" line="124"/>
        <source>open</source>
        <translation>avoin</translation>
    </message>
    <message>
        <location filename="../disputes_view.py" line="124"/>
        <source>{0} by {1}: {2}</source>
        <translation>{0} ({1}): {2}</translation>
    </message>
    <message>
        <location filename="../disputes_view.py" line="142"/>
        <source>No disputes.</source>
        <translation>Ei oikaisupyyntöjä.</translation>
    </message>
    <message>
        <location filename="../disputes_view.py" line="143"/>
        <source>{0} open, {1} answered.</source>
        <translation>{0} avoinna, {1} vastattu.</translation>
    </message>
    <message>
        <location filename="../disputes_view.py" line="178"/>
        <source>Not saved</source>
        <translation>Ei tallennettu</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../identity_dialog.py" line="30"/>
        <source>Who are you?</source>
        <extracomment>the user chose &quot;Connect to a team database…&quot; instead (the caller connects and restarts)</extracomment>
        <translation>Kuka olet?</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="33"/>
        <source>Your name as it appears on calls</source>
        <translation>Nimesi sellaisena kuin se näkyy puheluissa</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="42"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="43"/>
        <source>This workspace has no people yet: you will be its admin, and can then add your team.</source>
        <translation>Tässä työtilassa ei ole vielä ihmisiä: sinusta tulee sen ylläpitäjä, ja voit sitten lisätä tiimisi.</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="44"/>
        <source>Your role comes from the workspace&apos;s people list; an admin adds people and sets their roles.</source>
        <translation>Roolisi tulee työtilan henkilöluettelosta; ylläpitäjä lisää ihmiset ja asettaa heidän roolinsa.</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="57"/>
        <source>Connect to a team database…</source>
        <translation>Yhdistä tiimin tietokantaan…</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="58"/>
        <source>A shared PostgreSQL database: your login there is who you are.</source>
        <translation>Jaettu PostgreSQL-tietokanta: siellä käyttämäsi tunnus kertoo, kuka olet.</translation>
    </message>
    <message>
        <location filename="../app.py" line="96"/>
        <source>%1 is not a person of this workspace. An admin adds people and their roles (File ▸ People…).</source>
        <translation>%1 ei ole tämän työtilan henkilö. Ylläpitäjä lisää ihmiset ja heidän roolinsa (Tiedosto ▸ Henkilöt…).</translation>
    </message>
</context>
<context>
    <name>ImportOptionsDialog</name>
    <message>
        <location filename="../main_window.py" line="37"/>
        <source>Import one file</source>
        <translation>Tuo yksi tiedosto</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="37"/>
        <source>Import {0} files</source>
        <translation>Tuo {0} tiedostoa</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="44"/>
        <source>left = agent, right = customer</source>
        <translation>vasen = asiakaspalvelija, oikea = asiakas</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="45"/>
        <source>left = customer, right = agent</source>
        <translation>vasen = asiakas, oikea = asiakaspalvelija</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="46"/>
        <source>mono / one mixed channel</source>
        <translation>mono / yksi yhteinen kanava</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="48"/>
        <source>Agent</source>
        <translation>Asiakaspalvelija</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="49"/>
        <source>Stereo channels</source>
        <translation>Stereokanavat</translation>
    </message>
</context>
<context>
    <name>ImportRow</name>
    <message>
        <location filename="../library_view.py" line="33"/>
        <source>waiting</source>
        <extracomment>after the statuses in the status filter: the review&apos;s state (LibraryFilter.review)</extracomment>
        <translation>odottaa</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="36"/>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="40"/>
        <source>importing</source>
        <translation>tuodaan</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="41"/>
        <source>transcribing</source>
        <translation>litteroidaan</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="42"/>
        <source>scoring</source>
        <translation>arvioidaan</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="44"/>
        <source>done</source>
        <translation>valmis</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="45"/>
        <source>cancelled</source>
        <translation>peruttu</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../labels.py" line="11"/>
        <source>English</source>
        <translation>englanti</translation>
    </message>
    <message>
        <location filename="../labels.py" line="11"/>
        <source>Finnish</source>
        <translation>suomi</translation>
    </message>
    <message>
        <location filename="../labels.py" line="12"/>
        <source>Swedish</source>
        <translation>ruotsi</translation>
    </message>
    <message>
        <location filename="../labels.py" line="130"/>
        <source>en</source>
        <extracomment>translated into the code of the UI language (&quot;fi&quot; in coach_fi.ts): which rubric title to show</extracomment>
        <translation>fi</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../library_model.py" line="17"/>
        <source>Date</source>
        <translation>Päivä</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="17"/>
        <source>Agent</source>
        <translation>Asiakaspalvelija</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="18"/>
        <source>Duration</source>
        <translation>Kesto</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="18"/>
        <source>Channel</source>
        <translation>Kanava</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="19"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="19"/>
        <source>Rubric</source>
        <translation>Arviointimalli</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="19"/>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="20"/>
        <source>Total</source>
        <translation>Pisteet</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="20"/>
        <source>Passed</source>
        <translation>Hyväksytty</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="21"/>
        <source>Reviewed by</source>
        <translation>Arvioija</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="21"/>
        <source>File</source>
        <translation>Tiedosto</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="137"/>
        <source>yes</source>
        <extracomment>&quot;not_reviewed&quot; (no lead review submitted), &quot;disputed&quot; (open disputes) or &quot;awaiting_self&quot; (the viewer&apos;s self-assessment is due); None = any</extracomment>
        <translation>kyllä</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="137"/>
        <source>no</source>
        <translation>ei</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="143"/>
        <source>Self-assess the call: the lead&apos;s review opens to you once you have submitted or skipped it</source>
        <translation>Tee puhelusta itsearvio: esihenkilön arvio avautuu sinulle, kun olet lähettänyt itsearvion tai ohittanut sen</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="145"/>
        <source>Disputes of the review not yet answered: {0}</source>
        <translation>Vastaamattomia oikaisupyyntöjä: {0}</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="147"/>
        <source>Language detected from the speech, {0:.0%} sure</source>
        <translation>Kieli tunnistettu puheesta, varmuus {0:.0%}</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="157"/>
        <source>awaiting your self-assessment</source>
        <translation>odottaa itsearviotasi</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="160"/>
        <source>open disputes: {0}</source>
        <translation>avoimia oikaisupyyntöjä: {0}</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <location filename="../library_view.py" line="68"/>
        <source>any status</source>
        <extracomment>&quot;Transcribe again&quot; on a failed or cancelled call (the window runs it)</extracomment>
        <translation>kaikki tilat</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="86"/>
        <source>Search transcripts…</source>
        <translation>Hae litteroinneista…</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="88"/>
        <source>Agent</source>
        <translation>Asiakaspalvelija</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="88"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="88"/>
        <source>From</source>
        <translation>Alkaen</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="89"/>
        <source>To</source>
        <translation>Asti</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="89"/>
        <source>Total</source>
        <translation>Pisteet</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="94"/>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="112"/>
        <source>Drop recordings or transcripts here
(or File → Import…)</source>
        <translation>Pudota tallenteet tai litteroinnit tähän
(tai Tiedosto → Tuo…)</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="122"/>
        <source>Cancel all imports</source>
        <translation>Peru kaikki tuonnit</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="161"/>
        <source>Could not read the library: {0}</source>
        <translation>Kirjastoa ei voitu lukea: {0}</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="171"/>
        <source>all agents</source>
        <translation>kaikki asiakaspalvelijat</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="214"/>
        <source>Open</source>
        <translation>Avaa</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="215"/>
        <source>Transcribe again</source>
        <translation>Litteroi uudelleen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="62"/>
        <source>Encounter Coach — {0}</source>
        <translation>Encounter Coach — {0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="117"/>
        <source>Signed in as {0} ({1})</source>
        <translation>Kirjautuneena: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="146"/>
        <source>&amp;File</source>
        <translation>&amp;Tiedosto</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="147"/>
        <source>&amp;Import…</source>
        <translation>&amp;Tuo…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="148"/>
        <source>&amp;Quit</source>
        <translation>&amp;Lopeta</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="150"/>
        <source>Open &amp;workspace…</source>
        <translation>Avaa &amp;työtila…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="151"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Asetukset…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="153"/>
        <source>S&amp;witch user…</source>
        <translation>&amp;Vaihda käyttäjää…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="154"/>
        <source>&amp;People…</source>
        <translation>&amp;Henkilöt…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="157"/>
        <source>&amp;View</source>
        <translation>&amp;Näytä</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="158"/>
        <source>&amp;Library</source>
        <translation>&amp;Kirjasto</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="159"/>
        <source>&amp;Dashboard</source>
        <translation>&amp;Koontinäkymä</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="161"/>
        <source>R&amp;ubric editor</source>
        <translation>&amp;Arviointimallit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="163"/>
        <source>&amp;Calibration</source>
        <translation>&amp;Kalibrointi</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="168"/>
        <source>Dis&amp;putes</source>
        <translation>&amp;Oikaisupyynnöt</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="170"/>
        <source>My review &amp;queue</source>
        <translation>Oma &amp;arviointijono</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="173"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Päivitä</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="250"/>
        <source>Open workspace</source>
        <translation>Avaa työtila</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="268"/>
        <source>Restart needed</source>
        <translation>Uudelleenkäynnistys tarvitaan</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="269"/>
        <source>The new database and app language are used from the next start of the app.</source>
        <translation>Uutta tietokantaa ja sovelluksen kieltä käytetään seuraavasta käynnistyksestä alkaen.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="273"/>
        <source>Import recordings or transcripts</source>
        <translation>Tuo tallenteita tai litterointeja</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="274"/>
        <source>Recordings and transcripts (*.wav *.flac *.mp3 *.m4a *.ogg *.opus *.json *.txt);;All files (*)</source>
        <translation>Tallenteet ja litteroinnit (*.wav *.flac *.mp3 *.m4a *.ogg *.opus *.json *.txt);;Kaikki tiedostot (*)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="292"/>
        <source>Nothing to import</source>
        <translation>Ei tuotavaa</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="292"/>
        <source>No recordings or transcripts there.</source>
        <translation>Siellä ei ole tallenteita eikä litterointeja.</translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <location filename="../calibration_dialog.py" line="37"/>
        <source>New calibration session</source>
        <extracomment>the calls and people are listed (tests wait for it)</extracomment>
        <translation>Uusi kalibrointi</translation>
    </message>
    <message>
        <location filename="../calibration_dialog.py" line="42"/>
        <source>e.g. November calibration, billing calls</source>
        <translation>esim. marraskuun kalibrointi, laskutuspuhelut</translation>
    </message>
    <message>
        <location filename="../calibration_dialog.py" line="44"/>
        <source>Title</source>
        <translation>Otsikko</translation>
    </message>
    <message>
        <location filename="../calibration_dialog.py" line="46"/>
        <source>&lt;b&gt;Calls&lt;/b&gt; (scored calls you can see; Ctrl or Shift to pick several)</source>
        <translation>&lt;b&gt;Puhelut&lt;/b&gt; (pisteytetyt puhelut, jotka näet; useita Ctrl- tai Vaihto-näppäimellä)</translation>
    </message>
    <message>
        <location filename="../calibration_dialog.py" line="53"/>
        <source>&lt;b&gt;Reviewers&lt;/b&gt; (at least two)</source>
        <translation>&lt;b&gt;Arvioijat&lt;/b&gt; (vähintään kaksi)</translation>
    </message>
    <message>
        <location filename="../calibration_dialog.py" line="62"/>
        <source>Start session</source>
        <translation>Aloita kalibrointi</translation>
    </message>
    <message>
        <location filename="../calibration_dialog.py" line="67"/>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <location filename="../calibration_dialog.py" line="72"/>
        <source>Could not read the calls: {0}</source>
        <translation>Puheluita ei voitu lukea: {0}</translation>
    </message>
    <message>
        <location filename="../calibration_dialog.py" line="81"/>
        <source>no agent</source>
        <translation>ei asiakaspalvelijaa</translation>
    </message>
    <message>
        <location filename="../calibration_dialog.py" line="86"/>
        <source>There are no scored calls you can see yet.</source>
        <translation>Näkyvissäsi ei vielä ole pisteytettyjä puheluita.</translation>
    </message>
    <message>
        <location filename="../calibration_dialog.py" line="112"/>
        <source>Pick at least one call.</source>
        <translation>Valitse vähintään yksi puhelu.</translation>
    </message>
    <message>
        <location filename="../calibration_dialog.py" line="116"/>
        <source>Pick at least two reviewers.</source>
        <translation>Valitse vähintään kaksi arvioijaa.</translation>
    </message>
    <message>
        <location filename="../calibration_dialog.py" line="120"/>
        <source>Calibration of {0} calls</source>
        <translation>Kalibrointi, {0} puhelua</translation>
    </message>
</context>
<context>
    <name>PeopleDialog</name>
    <message>
        <location filename="../people_dialog.py" line="19"/>
        <source>People</source>
        <translation>Henkilöt</translation>
    </message>
    <message>
        <location filename="../people_dialog.py" line="23"/>
        <location filename="../people_dialog.py" line="35"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location filename="../people_dialog.py" line="23"/>
        <location filename="../people_dialog.py" line="36"/>
        <source>Role</source>
        <translation>Rooli</translation>
    </message>
    <message>
        <location filename="../people_dialog.py" line="23"/>
        <location filename="../people_dialog.py" line="37"/>
        <source>Team</source>
        <translation>Tiimi</translation>
    </message>
    <message>
        <location filename="../people_dialog.py" line="34"/>
        <source>e.g. Helsinki evening shift (optional)</source>
        <translation>esim. Helsingin iltavuoro (valinnainen)</translation>
    </message>
    <message>
        <location filename="../people_dialog.py" line="44"/>
        <source>Add or update person</source>
        <translation>Lisää tai päivitä henkilö</translation>
    </message>
</context>
<context>
    <name>QueueStatus</name>
    <message>
        <location filename="../queue_status.py" line="37"/>
        <source>Queue: %1 waiting · %2 transcribing · %3 failed</source>
        <translation>Jono: %1 odottaa · %2 litteroitavana · %3 epäonnistui</translation>
    </message>
    <message>
        <location filename="../queue_status.py" line="40"/>
        <source>The team&apos;s transcription workers (coach worker); %1 done so far.</source>
        <translation>Tiimin litterointityöntekijät (coach worker); tähän mennessä valmiita %1.</translation>
    </message>
    <message>
        <location filename="../queue_status.py" line="44"/>
        <source>Queue: not reachable</source>
        <translation>Jono: ei yhteyttä</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../queue_view.py" line="82"/>
        <source>&lt;b&gt;My review queue&lt;/b&gt;</source>
        <translation>&lt;b&gt;Oma arviointijono&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="84"/>
        <source>Show done</source>
        <translation>Näytä valmiit</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="88"/>
        <source>Sample calls…</source>
        <translation>Poimi puheluita…</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="90"/>
        <source>Open for review</source>
        <translation>Avaa arvioitavaksi</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="99"/>
        <source>Date</source>
        <translation>Päivämäärä</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="99"/>
        <source>Agent</source>
        <translation>Asiakaspalvelija</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="99"/>
        <source>Call</source>
        <translation>Puhelu</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="99"/>
        <source>Assigned</source>
        <translation>Annettu</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="99"/>
        <source>State</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="127"/>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="131"/>
        <source>Could not read the queue: {0}</source>
        <translation>Jonoa ei voitu lukea: {0}</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="140"/>
        <source>✓ done</source>
        <translation>✓ valmis</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="140"/>
        <source>to review</source>
        <translation>arvioitavana</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="147"/>
        <source>Nothing assigned to you. Sample calls… assigns some.</source>
        <translation>Sinulle ei ole annettu puheluita. Poimi puheluita… antaa niitä.</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="148"/>
        <source>{0} calls to review.</source>
        <translation>Arvioitavia puheluita: {0}.</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="179"/>
        <source>Assigned {0} calls to {1}.</source>
        <translation>Annettiin {0} puhelua arvioijalle {1}.</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="185"/>
        <source>Not sampled</source>
        <translation>Ei poimittu</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../reason_dialog.py" line="15"/>
        <source>Reason for the change</source>
        <translation>Muutoksen syy</translation>
    </message>
    <message>
        <location filename="../reason_dialog.py" line="17"/>
        <source>You are changing “{0}” from {1} to {2}. Why?</source>
        <translation>Muutat kriteerin ”{0}” arviota: {1} → {2}. Miksi?</translation>
    </message>
    <message>
        <location filename="../reason_dialog.py" line="22"/>
        <source>A reason is needed: it is shown with the changed verdict.</source>
        <translation>Syy tarvitaan: se näytetään muutetun arvion yhteydessä.</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <location filename="../dispute_dialog.py" line="82"/>
        <source>Accept {0}&apos;s dispute? “{1}” changes from {2} to {3}.</source>
        <translation>Hyväksytäänkö oikaisupyyntö ({0})? Kohta ”{1}” muuttuu: {2} → {3}.</translation>
    </message>
    <message>
        <location filename="../dispute_dialog.py" line="83"/>
        <source>Reject {0}&apos;s dispute? “{1}” stays {2} (they asked for {3}).</source>
        <translation>Hylätäänkö oikaisupyyntö ({0})? Kohta ”{1}” pysyy: {2} (pyydetty: {3}).</translation>
    </message>
    <message>
        <location filename="../dispute_dialog.py" line="84"/>
        <source>Accept the dispute</source>
        <translation>Hyväksy oikaisupyyntö</translation>
    </message>
    <message>
        <location filename="../dispute_dialog.py" line="84"/>
        <source>Reject the dispute</source>
        <translation>Hylkää oikaisupyyntö</translation>
    </message>
    <message>
        <location filename="../dispute_dialog.py" line="86"/>
        <source>Reply</source>
        <translation>Vastaus</translation>
    </message>
    <message>
        <location filename="../dispute_dialog.py" line="86"/>
        <source>A reply is needed: the agent reads it with the outcome.</source>
        <translation>Vastaus tarvitaan: asiakaspalvelija lukee sen ratkaisun kanssa.</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <location filename="../calibration_report.py" line="86"/>
        <location filename="../calibration_report.py" line="156"/>
        <source>Criterion</source>
        <translation>Kriteeri</translation>
    </message>
    <message>
        <location filename="../calibration_report.py" line="86"/>
        <source>Agreement</source>
        <translation>Yhtäpitävyys</translation>
    </message>
    <message>
        <location filename="../calibration_report.py" line="86"/>
        <source>Kappa</source>
        <translation>Kappa</translation>
    </message>
    <message>
        <location filename="../calibration_report.py" line="87"/>
        <source>Calls</source>
        <translation>Puheluita</translation>
    </message>
    <message>
        <location filename="../calibration_report.py" line="102"/>
        <source>&lt;b&gt;Agreement per criterion&lt;/b&gt;</source>
        <translation>&lt;b&gt;Yhtäpitävyys kriteereittäin&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../calibration_report.py" line="104"/>
        <source>&lt;b&gt;Where the reviewers differ&lt;/b&gt;</source>
        <translation>&lt;b&gt;Missä arvioijat eroavat&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../calibration_report.py" line="108"/>
        <source>Agreed verdict:</source>
        <translation>Sovittu tulos:</translation>
    </message>
    <message>
        <location filename="../calibration_report.py" line="113"/>
        <source>Note (optional)</source>
        <translation>Huomautus (valinnainen)</translation>
    </message>
    <message>
        <location filename="../calibration_report.py" line="114"/>
        <source>Record agreed verdict</source>
        <translation>Tallenna sovittu tulos</translation>
    </message>
    <message>
        <location filename="../calibration_report.py" line="132"/>
        <source>Choose a session to see its report.</source>
        <translation>Valitse kalibrointi nähdäksesi sen raportin.</translation>
    </message>
    <message>
        <location filename="../calibration_report.py" line="156"/>
        <source>Call</source>
        <translation>Puhelu</translation>
    </message>
    <message>
        <location filename="../calibration_report.py" line="156"/>
        <source>Agreed</source>
        <translation>Sovittu</translation>
    </message>
    <message>
        <location filename="../calibration_report.py" line="186"/>
        <source>&lt;b&gt;Where the reviewers differ&lt;/b&gt; ({0})</source>
        <translation>&lt;b&gt;Missä arvioijat eroavat&lt;/b&gt; ({0})</translation>
    </message>
    <message>
        <location filename="../calibration_report.py" line="187"/>
        <source>&lt;b&gt;Where the reviewers differ&lt;/b&gt;: nowhere</source>
        <translation>&lt;b&gt;Missä arvioijat eroavat&lt;/b&gt;: ei missään</translation>
    </message>
    <message>
        <location filename="../calibration_report.py" line="202"/>
        <source>owner {0}</source>
        <translation>vetäjä {0}</translation>
    </message>
    <message>
        <location filename="../calibration_report.py" line="203"/>
        <source>{0} of {1} reviews submitted</source>
        <translation>{0}/{1} arviota lähetetty</translation>
    </message>
    <message>
        <location filename="../calibration_report.py" line="206"/>
        <source>No call has been scored by two reviewers yet.</source>
        <translation>Yhtäkään puhelua eivät ole vielä arvioineet kaksi arvioijaa.</translation>
    </message>
    <message>
        <location filename="../calibration_report.py" line="207"/>
        <source>Agreement {0} · kappa {1}</source>
        <translation>Yhtäpitävyys {0} · kappa {1}</translation>
    </message>
    <message>
        <location filename="../calibration_report.py" line="211"/>
        <source>(so far: not every review is in)</source>
        <translation>(toistaiseksi: kaikki arviot eivät ole vielä tulleet)</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../review_view.py" line="23"/>
        <source>base — multilingual (Finnish, English, …)</source>
        <extracomment>the models offered by &quot;Transcribe again with…&quot;: (setting value, label)</extracomment>
        <translation>base — monikielinen (suomi, englanti, …)</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="24"/>
        <source>tiny.en — English only, fastest</source>
        <translation>tiny.en — vain englanti, nopein</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="25"/>
        <source>Automatic per language</source>
        <translation>Automaattisesti kielen mukaan</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="42"/>
        <source>← Library</source>
        <extracomment>the interaction was transcribed again: the window reopens it</extracomment>
        <translation>← Kirjasto</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="46"/>
        <source>chat</source>
        <translation>chat</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="49"/>
        <source>imported transcript</source>
        <translation>tuotu litterointi</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="51"/>
        <source>model {0}</source>
        <translation>malli {0}</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="55"/>
        <source>Export coaching PDF…</source>
        <translation>Vie valmennusraportti (PDF)…</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="66"/>
        <source>Transcribe again with…</source>
        <translation>Litteroi uudelleen mallilla…</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="76"/>
        <source>Swap agent and customer</source>
        <translation>Vaihda asiakaspalvelija ja asiakas päittäin</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="77"/>
        <source>The speakers are the wrong way round: swap them and score again</source>
        <translation>Puhujat ovat väärin päin: vaihda ne ja arvioi uudelleen</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="83"/>
        <source>Mono recording: agent and customer were told apart by their voices (estimated). If they are the wrong way round, use “Swap agent and customer”.</source>
        <translation>Monotallenne: asiakaspalvelija ja asiakas erotettiin äänistä (arvio). Jos he ovat väärin päin, valitse ”Vaihda asiakaspalvelija ja asiakas päittäin”.</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="115"/>
        <source>Export coaching PDF</source>
        <translation>Vie valmennusraportti</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="131"/>
        <source>Exported</source>
        <translation>Viety</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="131"/>
        <source>Wrote {0}</source>
        <translation>Kirjoitettu {0}</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="135"/>
        <source>Export failed</source>
        <translation>Vienti epäonnistui</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="146"/>
        <source>Transcription failed</source>
        <translation>Litterointi epäonnistui</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="146"/>
        <source>Transcribing…</source>
        <translation>Litteroidaan…</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="152"/>
        <source>Swap failed</source>
        <translation>Vaihto epäonnistui</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../identity_dialog.py" line="11"/>
        <source>Team lead</source>
        <translation>Esihenkilö</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="11"/>
        <source>Agent</source>
        <translation>Asiakaspalvelija</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="12"/>
        <source>Trainer</source>
        <translation>Kouluttaja</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="12"/>
        <source>Admin</source>
        <translation>Ylläpitäjä</translation>
    </message>
</context>
<context>
    <name>RubricEditor</name>
    <message>
        <location filename="../rubric_editor.py" line="42"/>
        <source>New from default</source>
        <translation>Uusi oletusmallista</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="44"/>
        <source>Import YAML…</source>
        <translation>Tuo YAML…</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="44"/>
        <source>Export YAML…</source>
        <translation>Vie YAML…</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="47"/>
        <source>Save as new version</source>
        <translation>Tallenna uutena versiona</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="49"/>
        <source>Template</source>
        <translation>Malli</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="62"/>
        <source>Add criterion…</source>
        <translation>Lisää kriteeri…</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="62"/>
        <source>Remove criterion</source>
        <translation>Poista kriteeri</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="76"/>
        <source>Only trainers save rubric versions; you can try a draft here.</source>
        <translation>Vain kouluttajat tallentavat arviointimallien versioita; luonnosta voit kokeilla tässä.</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="83"/>
        <source>Id</source>
        <translation>Tunniste</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="89"/>
        <source>Title</source>
        <translation>Otsikko</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="89"/>
        <source>Description</source>
        <translation>Kuvaus</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="90"/>
        <source>Not applicable when</source>
        <translation>Ei sovellu, kun</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="95"/>
        <source>Met if any of (one pattern a line)</source>
        <translation>Täyttyy, jos jokin näistä (yksi kuvio riville)</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="96"/>
        <source>Not met if any of</source>
        <translation>Ei täyty, jos jokin näistä</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="97"/>
        <source>Example utterances that meet it (one a line)</source>
        <translation>Esimerkkirepliikit, jotka täyttävät sen (yksi riville)</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="98"/>
        <source>Example utterances that do not</source>
        <translation>Esimerkkirepliikit, jotka eivät täytä sitä</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="99"/>
        <source>Coaching tips</source>
        <translation>Valmennusvinkit</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="110"/>
        <source>Critical: not met fails the whole evaluation</source>
        <translation>Kriittinen: jos ei täyty, koko arviointi hylätään</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="112"/>
        <source>Weight</source>
        <translation>Paino</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="122"/>
        <source>Try it</source>
        <translation>Kokeile</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="124"/>
        <source>Transcript</source>
        <translation>Litterointi</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="129"/>
        <source>Criterion</source>
        <translation>Kriteeri</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="129"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="129"/>
        <source>Matched utterance</source>
        <translation>Osuva repliikki</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="227"/>
        <source>Valid: {0} criteria</source>
        <translation>Kelvollinen: {0} kriteeriä</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="236"/>
        <source>Add criterion</source>
        <translation>Lisää kriteeri</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="236"/>
        <source>Id (lower case, e.g. upsell_offer):</source>
        <translation>Tunniste (pienin kirjaimin, esim. lisamyynti):</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="303"/>
        <source>Not saved</source>
        <translation>Ei tallennettu</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="307"/>
        <source>Saved</source>
        <translation>Tallennettu</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="307"/>
        <source>Saved {0} v{1} as a new version.</source>
        <translation>{0} v{1} tallennettiin uutena versiona.</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="310"/>
        <source>Import rubric</source>
        <translation>Tuo arviointimalli</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="317"/>
        <source>Not imported</source>
        <translation>Ei tuotu</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="322"/>
        <source>Export rubric</source>
        <translation>Vie arviointimalli</translation>
    </message>
</context>
<context>
    <name>SampleDialog</name>
    <message>
        <location filename="../queue_view.py" line="26"/>
        <source>Sample calls for review</source>
        <translation>Poimi puheluita arvioitavaksi</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="28"/>
        <source>Calls nobody has reviewed yet, spread over each agent&apos;s period, are assigned to the reviewer.</source>
        <translation>Arvioijalle annetaan puheluita, joita kukaan ei ole vielä arvioinut, tasaisesti kunkin asiakaspalvelijan jaksolta.</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="42"/>
        <source>optional: the same number draws the same calls</source>
        <translation>valinnainen: sama luku poimii samat puhelut</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="46"/>
        <source>Calls per agent</source>
        <translation>Puheluita asiakaspalvelijaa kohden</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="47"/>
        <source>From</source>
        <translation>Alkaen</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="48"/>
        <source>To</source>
        <translation>Asti</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="49"/>
        <source>Seed</source>
        <translation>Siemenluku</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="50"/>
        <source>Reviewer</source>
        <translation>Arvioija</translation>
    </message>
</context>
<context>
    <name>ScorecardPanel</name>
    <message>
        <location filename="../scorecard_panel.py" line="59"/>
        <source>Submit self-assessment</source>
        <translation>Lähetä itsearvio</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="60"/>
        <source>Mark review as done</source>
        <translation>Merkitse arvio valmiiksi</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="64"/>
        <location filename="../scorecard_panel.py" line="259"/>
        <source>Skip self-assessment</source>
        <translation>Ohita itsearvio</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="149"/>
        <source>Changed by {0} from {1}: {2}</source>
        <translation>{0} muutti arviota (aiemmin: {1}): {2}</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="150"/>
        <source>a reviewer</source>
        <translation>arvioija</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="156"/>
        <source>The lead has not scored this. </source>
        <translation>Esihenkilö ei ole arvioinut tätä. </translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="159"/>
        <source>Lead: {0} (differs from yours). </source>
        <translation>Esihenkilö: {0} (eri kuin sinun). </translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="159"/>
        <source>Lead: {0}. </source>
        <translation>Esihenkilö: {0}. </translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="172"/>
        <source>Not scored yet. Scoring runs after transcription.</source>
        <translation>Ei vielä arvioitu. Arviointi tehdään litteroinnin jälkeen.</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="187"/>
        <source>Automatic verdict probability: {0} %</source>
        <translation>Automaattisen arvion todennäköisyys: {0} %</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="190"/>
        <source>not scored</source>
        <translation>arvioimatta</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="190"/>
        <source>met</source>
        <translation>täyttyy</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="190"/>
        <source>not met</source>
        <translation>ei täyty</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="190"/>
        <source>n/a</source>
        <translation>ei sovellu</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="200"/>
        <source>Uncertain ({0} %) — please check. </source>
        <translation>Epävarma ({0} %) — tarkista. </translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="209"/>
        <source>Listen from here: {0}</source>
        <translation>Kuuntele tästä: {0}</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="215"/>
        <source>Comment</source>
        <translation>Kommentti</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="239"/>
        <source>Dispute…</source>
        <translation>Pyydä oikaisua…</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="240"/>
        <source>Ask the lead for another verdict on this criterion</source>
        <translation>Pyydä esihenkilöltä tähän kriteeriin toista arviota</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="260"/>
        <source>Skip your self-assessment of this call? The lead&apos;s review opens to you now, and you cannot self-assess the call afterwards.</source>
        <translation>Ohitetaanko tämän puhelun itsearvio? Esihenkilön arvio avautuu sinulle nyt, etkä voi tehdä itsearviota jälkeenpäin.</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="286"/>
        <source>&lt;h2&gt;Total: –&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Pisteet: –&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="288"/>
        <source>passed</source>
        <translation>hyväksytty</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="288"/>
        <source>not passed</source>
        <translation>ei hyväksytty</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="290"/>
        <source>automatic</source>
        <translation>automaattinen</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="290"/>
        <source>lead review</source>
        <translation>esihenkilön arvio</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="290"/>
        <source>self-assessment</source>
        <translation>itsearvio</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="291"/>
        <source>calibration</source>
        <translation>kalibrointi</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="292"/>
        <source>Total</source>
        <translation>Pisteet</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="253"/>
        <location filename="../scorecard_panel.py" line="267"/>
        <location filename="../scorecard_panel.py" line="322"/>
        <location filename="../scorecard_panel.py" line="339"/>
        <source>Not saved</source>
        <translation>Ei tallennettu</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="346"/>
        <source>Not submitted</source>
        <translation>Ei lähetetty</translation>
    </message>
</context>
<context>
    <name>ScoringPage</name>
    <message>
        <location filename="../calibration_scoring.py" line="200"/>
        <source>Choose a session to score its calls.</source>
        <extracomment>a call&apos;s transcript and scorecard are shown (tests wait for it)</extracomment>
        <translation>Valitse kalibrointi arvioidaksesi sen puhelut.</translation>
    </message>
    <message>
        <location filename="../calibration_scoring.py" line="202"/>
        <source>You are not one of this session&apos;s reviewers.</source>
        <translation>Et ole tämän kalibroinnin arvioija.</translation>
    </message>
    <message>
        <location filename="../calibration_scoring.py" line="205"/>
        <source>Your calls to score: {0} of {1}</source>
        <translation>Arvioimatta: {0}/{1} puhelua</translation>
    </message>
    <message>
        <location filename="../calibration_scoring.py" line="206"/>
        <source>You have scored every call of this session. Thank you!</source>
        <translation>Olet arvioinut kaikki tämän kalibroinnin puhelut. Kiitos!</translation>
    </message>
    <message>
        <location filename="../calibration_scoring.py" line="209"/>
        <source>✓ submitted</source>
        <translation>✓ lähetetty</translation>
    </message>
    <message>
        <location filename="../calibration_scoring.py" line="209"/>
        <source>to score</source>
        <translation>arvioimatta</translation>
    </message>
    <message>
        <location filename="../calibration_scoring.py" line="250"/>
        <source>Could not open the call: {0}</source>
        <translation>Puhelua ei voitu avata: {0}</translation>
    </message>
    <message>
        <location filename="../calibration_scoring.py" line="266"/>
        <source>You have submitted your scores for this call. The report shows how they compare.</source>
        <translation>Olet lähettänyt arviosi tästä puhelusta. Raportti näyttää, miten arviot vertautuvat.</translation>
    </message>
</context>
<context>
    <name>ServiceErrors</name>
    <message>
        <location filename="../error_texts.py" line="16"/>
        <source>Only admins can add people (%1: %2).</source>
        <extracomment>what the role rule was about (services.access.require_role&apos;s ``doing``) → the whole sentence</extracomment>
        <translation>Vain ylläpitäjät voivat lisätä henkilöitä (%1: %2).</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="17"/>
        <source>Only team leads and admins can review calls (%1: %2).</source>
        <translation>Vain esihenkilöt ja ylläpitäjät voivat arvioida puheluita (%1: %2).</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="18"/>
        <source>Only trainers and admins can save rubric versions (%1: %2).</source>
        <translation>Vain kouluttajat ja ylläpitäjät voivat tallentaa arviointimallin versioita (%1: %2).</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="20"/>
        <source>Only team leads and admins can assign reviews (%1: %2).</source>
        <translation>Vain esihenkilöt ja ylläpitäjät voivat jakaa arviointeja (%1: %2).</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="21"/>
        <source>Only team leads and admins can be assigned reviews (%1: %2).</source>
        <translation>Arviointeja voi jakaa vain esihenkilöille ja ylläpitäjille (%1: %2).</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="23"/>
        <source>Only team leads, trainers and admins can run calibration sessions (%1: %2).</source>
        <translation>Vain esihenkilöt, kouluttajat ja ylläpitäjät voivat vetää kalibrointeja (%1: %2).</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="25"/>
        <source>Only team leads, trainers and admins can review in calibration sessions (%1: %2).</source>
        <translation>Vain esihenkilöt, kouluttajat ja ylläpitäjät voivat arvioida kalibroinneissa (%1: %2).</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="30"/>
        <source>%1 is not a person of this workspace; an admin adds people (File ▸ People…).</source>
        <translation>%1 ei ole tämän työtilan henkilö; ylläpitäjä lisää ihmiset (Tiedosto ▸ Henkilöt…).</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="33"/>
        <source>There is no call %1.</source>
        <translation>Puhelua %1 ei ole.</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="35"/>
        <source>Submit or skip your self-assessment of call %1 first; the lead&apos;s review opens to you then.</source>
        <translation>Lähetä tai ohita puhelun %1 itsearvio ensin; esihenkilön arvio avautuu sinulle sen jälkeen.</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="38"/>
        <source>This database login is %1&apos;s; it cannot act as %2.</source>
        <translation>Tämä tietokantatunnus on käyttäjän %1; sillä ei voi toimia käyttäjänä %2.</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="40"/>
        <source>Call %1 is not a call of %2&apos;s team.</source>
        <translation>Puhelu %1 ei kuulu tiimille, jota %2 vetää.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="19"/>
        <source>Settings</source>
        <translation>Asetukset</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="22"/>
        <source>Workspace</source>
        <translation>Työtila</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="24"/>
        <source>empty = coach.db in the workspace; or postgresql+psycopg://user@host/db</source>
        <translation>tyhjä = työtilan coach.db; tai postgresql+psycopg://käyttäjä@palvelin/kanta</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="25"/>
        <source>Connect to a team database…</source>
        <translation>Yhdistä tiimin tietokantaan…</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="32"/>
        <source>Database URL</source>
        <translation>Tietokannan osoite</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="34"/>
        <source>Automatic: tiny.en for English, base for other languages</source>
        <translation>Automaattinen: tiny.en englannille, base muille kielille</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="35"/>
        <source>tiny.en — English only, fastest</source>
        <translation>tiny.en — vain englanti, nopein</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="36"/>
        <source>base — multilingual (Finnish, English, …)</source>
        <translation>base — monikielinen (suomi, englanti, …)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="38"/>
        <source>Models ship with the app; nothing is downloaded. A local CTranslate2 model folder can be chosen with Folder…</source>
        <translation>Mallit tulevat sovelluksen mukana; mitään ei ladata verkosta. Paikallisen CTranslate2-mallikansion voi valita painikkeella Kansio…</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="40"/>
        <source>Folder…</source>
        <translation>Kansio…</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="47"/>
        <source>Transcription model</source>
        <translation>Litterointimalli</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="51"/>
        <source>Device</source>
        <translation>Laite</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="56"/>
        <source>Compute type</source>
        <translation>Laskentatarkkuus</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="61"/>
        <source>Speech language</source>
        <translation>Puheen kieli</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="65"/>
        <source>Beam size</source>
        <translation>Keilan leveys</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="70"/>
        <source>Hold / dead-air limit</source>
        <translation>Pidon / hiljaisuuden raja</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="72"/>
        <source>System default</source>
        <translation>Järjestelmän oletus</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="75"/>
        <source>App language</source>
        <translation>Sovelluksen kieli</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="95"/>
        <source>Model folder (CTranslate2 format)</source>
        <translation>Mallikansio (CTranslate2-muoto)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="102"/>
        <source>Transcription model: the folder %1 does not exist</source>
        <translation>Litterointimalli: kansiota %1 ei ole</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="104"/>
        <source>Transcription model: tiny.en only understands English; choose base or Automatic for the speech language %1</source>
        <translation>Litterointimalli: tiny.en ymmärtää vain englantia; valitse puhekielelle %1 base tai Automaattinen</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="115"/>
        <source>Connected as %1. Save, then restart the app to use the team database.</source>
        <translation>Yhdistetty käyttäjänä %1. Tallenna ja käynnistä sovellus uudelleen käyttääksesi tiimin tietokantaa.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../labels.py" line="15"/>
        <source>imported</source>
        <translation>tuotu</translation>
    </message>
    <message>
        <location filename="../labels.py" line="15"/>
        <source>transcribing</source>
        <translation>litteroidaan</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16"/>
        <source>transcribed</source>
        <translation>litteroitu</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17"/>
        <source>needs review</source>
        <translation>tarkistettava</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17"/>
        <source>failed</source>
        <translation>epäonnistui</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18"/>
        <source>phone</source>
        <translation>puhelu</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18"/>
        <source>chat</source>
        <translation>chat</translation>
    </message>
    <message>
        <location filename="../labels.py" line="149"/>
        <source>not yet reviewed</source>
        <translation>arvioimatta</translation>
    </message>
    <message>
        <location filename="../labels.py" line="150"/>
        <source>open disputes</source>
        <translation>avoimia oikaisupyyntöjä</translation>
    </message>
    <message>
        <location filename="../labels.py" line="151"/>
        <source>awaiting your self-assessment</source>
        <translation>odottaa itsearviotasi</translation>
    </message>
</context>
<context>
    <name>StatusDetail</name>
    <message>
        <location filename="../labels.py" line="49"/>
        <source>{0} repeats “{1}” over and over: the model got stuck in a loop</source>
        <translation>{0}: ”{1}” toistuu yhä uudelleen – malli jäi kiertämään kehää</translation>
    </message>
    <message>
        <location filename="../labels.py" line="50"/>
        <source>{0} is in {1}, but the model {2} only understands English: transcribe it again with base or Automatic</source>
        <translation>{0}: kieli on {1}, mutta malli {2} ymmärtää vain englantia – litteroi uudelleen mallilla base tai Automaattinen</translation>
    </message>
    <message>
        <location filename="../labels.py" line="51"/>
        <source>{0} of {1} words of {2} come from passages the model was unsure of or repeated: likely invented text</source>
        <translation>Kohdista, joissa malli oli epävarma tai toisti itseään, on {0}/{1} sanaa ({2}) – teksti on todennäköisesti keksittyä</translation>
    </message>
    <message>
        <location filename="../labels.py" line="52"/>
        <source>The two channels speak different languages; each was transcribed in its own</source>
        <translation>Kanavilla puhutaan eri kieliä; kumpikin litteroitiin omalla kielellään</translation>
    </message>
    <message>
        <location filename="../labels.py" line="53"/>
        <source>Mono recording: agent and customer were told apart by their voices (estimated)</source>
        <translation>Monotallenne: asiakaspalvelija ja asiakas erotettiin äänistä (arvio)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="54"/>
        <source>Mono recording: only one voice was heard, so the speakers are not separated</source>
        <translation>Monotallenne: kuului vain yksi ääni, joten puhujia ei erotettu</translation>
    </message>
    <message>
        <location filename="../labels.py" line="55"/>
        <source>The call is in {0}, which the rubric {1} does not cover: it is not scored</source>
        <translation>Puhelun kieli on {0}, jota arviointimalli {1} ei kata: sitä ei arvioida</translation>
    </message>
    <message>
        <location filename="../labels.py" line="56"/>
        <source>The transcription was cancelled: use Transcribe again to run it</source>
        <translation>Litterointi peruttiin: käynnistä se kohdasta Litteroi uudelleen</translation>
    </message>
    <message>
        <location filename="../labels.py" line="57"/>
        <source>The previous transcription was interrupted; it runs again</source>
        <translation>Edellinen litterointi keskeytyi; se ajetaan uudelleen</translation>
    </message>
    <message>
        <location filename="../labels.py" line="58"/>
        <source>The agent&apos;s channel</source>
        <translation>Asiakaspalvelijan kanava</translation>
    </message>
    <message>
        <location filename="../labels.py" line="59"/>
        <source>The customer&apos;s channel</source>
        <translation>Asiakkaan kanava</translation>
    </message>
    <message>
        <location filename="../labels.py" line="60"/>
        <source>The recording</source>
        <translation>Tallenne</translation>
    </message>
</context>
<context>
    <name>TeamDatabaseDialog</name>
    <message>
        <location filename="../app.py" line="114"/>
        <source>Connected as %1. Start the app again to work on the team database.</source>
        <translation>Yhdistetty käyttäjänä %1. Käynnistä sovellus uudelleen työskennelläksesi tiimin tietokannassa.</translation>
    </message>
    <message>
        <location filename="../team_dialog.py" line="19"/>
        <source>Connect to a team database</source>
        <translation>Yhdistä tiimin tietokantaan</translation>
    </message>
    <message>
        <location filename="../team_dialog.py" line="27"/>
        <source>e.g. coach-db.example.fi</source>
        <translation>esim. coach-db.example.fi</translation>
    </message>
    <message>
        <location filename="../team_dialog.py" line="35"/>
        <source>Remember the password in the system keyring</source>
        <translation>Muista salasana järjestelmän avainnipussa</translation>
    </message>
    <message>
        <location filename="../team_dialog.py" line="39"/>
        <source>No system keyring here: the app asks for the password at each start.</source>
        <translation>Järjestelmän avainnippua ei ole: sovellus kysyy salasanan joka käynnistyksellä.</translation>
    </message>
    <message>
        <location filename="../team_dialog.py" line="40"/>
        <source>Host</source>
        <translation>Palvelin</translation>
    </message>
    <message>
        <location filename="../team_dialog.py" line="41"/>
        <source>Port</source>
        <translation>Portti</translation>
    </message>
    <message>
        <location filename="../team_dialog.py" line="42"/>
        <source>Database</source>
        <translation>Tietokanta</translation>
    </message>
    <message>
        <location filename="../team_dialog.py" line="43"/>
        <source>Login</source>
        <translation>Käyttäjätunnus</translation>
    </message>
    <message>
        <location filename="../team_dialog.py" line="44"/>
        <source>Password</source>
        <translation>Salasana</translation>
    </message>
    <message>
        <location filename="../team_dialog.py" line="50"/>
        <source>Connect</source>
        <translation>Yhdistä</translation>
    </message>
    <message>
        <location filename="../team_dialog.py" line="75"/>
        <source>Team database</source>
        <translation>Tiimin tietokanta</translation>
    </message>
    <message>
        <location filename="../team_dialog.py" line="76"/>
        <source>Password for %1 on %2:</source>
        <translation>Käyttäjän %1 salasana kohteessa %2:</translation>
    </message>
</context>
<context>
    <name>TeamTrendsView</name>
    <message>
        <location filename="../trend_charts.py" line="101"/>
        <source>MMM d</source>
        <translation>d.M.</translation>
    </message>
    <message>
        <location filename="../trend_charts.py" line="101"/>
        <source>MMM d, yyyy</source>
        <translation>d.M.yyyy</translation>
    </message>
    <message>
        <location filename="../trend_charts.py" line="106"/>
        <source>Nothing scored yet: import and score some calls first.</source>
        <translation>Ei vielä arviointeja: tuo ja arvioi ensin puheluita.</translation>
    </message>
    <message>
        <location filename="../trend_charts.py" line="113"/>
        <source>One point per week (starting on Monday): the average of the calls that week.</source>
        <translation>Yksi piste viikossa (viikko alkaa maanantaina): viikon puheluiden keskiarvo.</translation>
    </message>
    <message>
        <location filename="../trend_charts.py" line="115"/>
        <source>One point per day: the calls span less than three weeks, too few for weekly points.</source>
        <translation>Yksi piste päivässä: puhelut ajoittuvat alle kolmelle viikolle, mikä on liian vähän viikkopisteille.</translation>
    </message>
    <message>
        <location filename="../trend_charts.py" line="116"/>
        <source>Whole team</source>
        <translation>Koko tiimi</translation>
    </message>
    <message>
        <location filename="../trend_charts.py" line="119"/>
        <source>Average total per week</source>
        <translation>Keskiarvo viikoittain</translation>
    </message>
    <message>
        <location filename="../trend_charts.py" line="120"/>
        <source>Average total per day</source>
        <translation>Keskiarvo päivittäin</translation>
    </message>
    <message>
        <location filename="../trend_charts.py" line="121"/>
        <source>Pass rate per week (%)</source>
        <translation>Hyväksytyt viikoittain (%)</translation>
    </message>
    <message>
        <location filename="../trend_charts.py" line="122"/>
        <source>Pass rate per day (%)</source>
        <translation>Hyväksytyt päivittäin (%)</translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message>
        <location filename="../transcript_panel.py" line="105"/>
        <source>Who talks when — click to listen from there</source>
        <translation>Kuka puhuu milloin — napsauta kuunnellaksesi siitä</translation>
    </message>
</context>
<context>
    <name>TranscriptModel</name>
    <message>
        <location filename="../transcript_panel.py" line="35"/>
        <source>Time</source>
        <translation>Aika</translation>
    </message>
    <message>
        <location filename="../transcript_panel.py" line="35"/>
        <location filename="../transcript_panel.py" line="78"/>
        <source>Speaker</source>
        <translation>Puhuja</translation>
    </message>
    <message>
        <location filename="../transcript_panel.py" line="36"/>
        <source>Text</source>
        <translation>Teksti</translation>
    </message>
    <message>
        <location filename="../transcript_panel.py" line="78"/>
        <source>Agent</source>
        <translation>Asiakaspalvelija</translation>
    </message>
    <message>
        <location filename="../transcript_panel.py" line="78"/>
        <source>Customer</source>
        <translation>Asiakas</translation>
    </message>
</context>
<context>
    <name>TranscriptPanel</name>
    <message>
        <location filename="../transcript_panel.py" line="161"/>
        <source>Show personal data</source>
        <translation>Näytä henkilötiedot</translation>
    </message>
    <message>
        <location filename="../transcript_panel.py" line="162"/>
        <source>Identity codes, card and phone numbers and e-mail addresses are hidden. Show them in this view only; nothing is saved.</source>
        <translation>Henkilötunnukset, kortti- ja puhelinnumerot sekä sähköpostiosoitteet on piilotettu. Näytä ne vain tässä näkymässä; valintaa ei tallenneta.</translation>
    </message>
    <message>
        <location filename="../transcript_panel.py" line="185"/>
        <location filename="../transcript_panel.py" line="212"/>
        <source>Play</source>
        <translation>Toista</translation>
    </message>
    <message>
        <location filename="../transcript_panel.py" line="187"/>
        <source>−5 s</source>
        <translation>−5 s</translation>
    </message>
    <message>
        <location filename="../transcript_panel.py" line="187"/>
        <source>+5 s</source>
        <translation>+5 s</translation>
    </message>
    <message>
        <location filename="../transcript_panel.py" line="215"/>
        <location filename="../transcript_panel.py" line="236"/>
        <source>Pause</source>
        <translation>Tauko</translation>
    </message>
</context>
<context>
    <name>UiLanguage</name>
    <message>
        <location filename="../calibration_report.py" line="18"/>
        <source>en</source>
        <extracomment>the UI language&apos;s code, as its translation says (&quot;fi&quot; in the Finnish one)</extracomment>
        <translation>fi</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../labels.py" line="114"/>
        <source>met</source>
        <translation>täyttyy</translation>
    </message>
    <message>
        <location filename="../labels.py" line="114"/>
        <source>not met</source>
        <translation>ei täyty</translation>
    </message>
    <message>
        <location filename="../labels.py" line="115"/>
        <source>n/a</source>
        <translation>ei sovellu</translation>
    </message>
    <message>
        <location filename="../labels.py" line="116"/>
        <source>not scored</source>
        <translation>arvioimatta</translation>
    </message>
</context>
</TS>
