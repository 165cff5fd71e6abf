<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <name>CallDateDialog</name>
    <message>
        <location filename="../date_dialog.py" line="33"/>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>d.M.yyyy HH.mm</translation>
    </message>
    <message>
        <location filename="../date_dialog.py" line="43"/>
        <source>Date of the call</source>
        <translation>Puhelun päivämäärä</translation>
    </message>
    <message>
        <location filename="../date_dialog.py" line="45"/>
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
        <location filename="../date_dialog.py" line="66"/>
        <source>Change date…</source>
        <translation>Muuta päivämäärää…</translation>
    </message>
    <message>
        <location filename="../date_dialog.py" line="67"/>
        <source>Correct when this call happened (the import took the file&apos;s time)</source>
        <translation>Korjaa puhelun ajankohta (tuonti käytti tiedoston aikaa)</translation>
    </message>
    <message>
        <location filename="../date_dialog.py" line="84"/>
        <source>Date not changed</source>
        <translation>Päivämäärää ei muutettu</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../dashboard_view.py" line="30"/>
        <location filename="../dashboard_view.py" line="55"/>
        <source>Agent</source>
        <translation>Asiakaspalvelija</translation>
    </message>
    <message>
        <location filename="../dashboard_view.py" line="50"/>
        <source>&lt;b&gt;Most often missed&lt;/b&gt;</source>
        <translation>&lt;b&gt;Useimmin puuttuvat&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../dashboard_view.py" line="57"/>
        <source>Team trends</source>
        <translation>Tiimin kehitys</translation>
    </message>
    <message>
        <location filename="../dashboard_view.py" line="80"/>
        <source>Nothing scored yet: import and score some calls first.</source>
        <translation>Ei vielä arviointeja: tuo ja arvioi ensin puheluita.</translation>
    </message>
    <message>
        <location filename="../dashboard_view.py" line="92"/>
        <source>Average total per week</source>
        <translation>Keskiarvo viikoittain</translation>
    </message>
    <message>
        <location filename="../dashboard_view.py" line="92"/>
        <source>Average total per day</source>
        <translation>Keskiarvo päivittäin</translation>
    </message>
    <message>
        <location filename="../dashboard_view.py" line="94"/>
        <location filename="../dashboard_view.py" line="101"/>
        <source>Team</source>
        <translation>Tiimi</translation>
    </message>
    <message>
        <location filename="../dashboard_view.py" line="111"/>
        <source>Met rate per criterion (%)</source>
        <translation>Kriteerien täyttymisaste (%)</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../identity_dialog.py" line="19"/>
        <source>Who are you?</source>
        <translation>Kuka olet?</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="22"/>
        <source>Your name as it appears on calls</source>
        <translation>Nimesi sellaisena kuin se näkyy puheluissa</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="31"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="32"/>
        <source>Role</source>
        <translation>Rooli</translation>
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
        <location filename="../library_view.py" line="31"/>
        <source>waiting</source>
        <translation>odottaa</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="34"/>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="38"/>
        <source>importing</source>
        <translation>tuodaan</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="39"/>
        <source>transcribing</source>
        <translation>litteroidaan</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="40"/>
        <source>scoring</source>
        <translation>arvioidaan</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="42"/>
        <source>done</source>
        <translation>valmis</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="43"/>
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
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../library_model.py" line="16"/>
        <source>Date</source>
        <translation>Päivä</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="16"/>
        <source>Agent</source>
        <translation>Asiakaspalvelija</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="17"/>
        <source>Duration</source>
        <translation>Kesto</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="17"/>
        <source>Channel</source>
        <translation>Kanava</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="18"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="18"/>
        <source>Rubric</source>
        <translation>Arviointimalli</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="18"/>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="19"/>
        <source>Total</source>
        <translation>Pisteet</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="19"/>
        <source>Passed</source>
        <translation>Hyväksytty</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="20"/>
        <source>Reviewed by</source>
        <translation>Arvioija</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="20"/>
        <source>File</source>
        <translation>Tiedosto</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="129"/>
        <source>yes</source>
        <translation>kyllä</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="129"/>
        <source>no</source>
        <translation>ei</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="133"/>
        <source>Language detected from the speech, {0:.0%} sure</source>
        <translation>Kieli tunnistettu puheesta, varmuus {0:.0%}</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <location filename="../library_view.py" line="65"/>
        <source>any status</source>
        <extracomment>&quot;Transcribe again&quot; on a failed or cancelled call (the window runs it)</extracomment>
        <translation>kaikki tilat</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="78"/>
        <source>Search transcripts…</source>
        <translation>Hae litteroinneista…</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="80"/>
        <source>Agent</source>
        <translation>Asiakaspalvelija</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="80"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="80"/>
        <source>From</source>
        <translation>Alkaen</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="81"/>
        <source>To</source>
        <translation>Asti</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="81"/>
        <source>Total</source>
        <translation>Pisteet</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="86"/>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="104"/>
        <source>Drop recordings or transcripts here
(or File → Import…)</source>
        <translation>Pudota tallenteet tai litteroinnit tähän
(tai Tiedosto → Tuo…)</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="114"/>
        <source>Cancel all imports</source>
        <translation>Peru kaikki tuonnit</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="153"/>
        <source>Could not read the library: {0}</source>
        <translation>Kirjastoa ei voitu lukea: {0}</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="163"/>
        <source>all agents</source>
        <translation>kaikki asiakaspalvelijat</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="204"/>
        <source>Open</source>
        <translation>Avaa</translation>
    </message>
    <message>
        <location filename="../library_view.py" line="205"/>
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
        <location filename="../main_window.py" line="111"/>
        <source>Signed in as {0} ({1})</source>
        <translation>Kirjautuneena: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="114"/>
        <source>&amp;File</source>
        <translation>&amp;Tiedosto</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="115"/>
        <source>&amp;Import…</source>
        <translation>&amp;Tuo…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="116"/>
        <source>&amp;Quit</source>
        <translation>&amp;Lopeta</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="118"/>
        <source>Open &amp;workspace…</source>
        <translation>Avaa &amp;työtila…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="119"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Asetukset…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="121"/>
        <source>&amp;View</source>
        <translation>&amp;Näytä</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="122"/>
        <source>&amp;Library</source>
        <translation>&amp;Kirjasto</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="123"/>
        <source>&amp;Dashboard</source>
        <translation>&amp;Koontinäkymä</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="125"/>
        <source>R&amp;ubric editor</source>
        <translation>&amp;Arviointimallit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="127"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Päivitä</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="176"/>
        <source>Open workspace</source>
        <translation>Avaa työtila</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="196"/>
        <source>Restart needed</source>
        <translation>Uudelleenkäynnistys tarvitaan</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="197"/>
        <source>The new database and app language are used from the next start of the app.</source>
        <translation>Uutta tietokantaa ja sovelluksen kieltä käytetään seuraavasta käynnistyksestä alkaen.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="201"/>
        <source>Import recordings or transcripts</source>
        <translation>Tuo tallenteita tai litterointeja</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="202"/>
        <source>Recordings and transcripts (*.wav *.flac *.mp3 *.m4a *.ogg *.opus *.json *.txt);;All files (*)</source>
        <translation>Tallenteet ja litteroinnit (*.wav *.flac *.mp3 *.m4a *.ogg *.opus *.json *.txt);;Kaikki tiedostot (*)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="220"/>
        <source>Nothing to import</source>
        <translation>Ei tuotavaa</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="220"/>
        <source>No recordings or transcripts there.</source>
        <translation>Siellä ei ole tallenteita eikä litterointeja.</translation>
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
    <name>ReviewView</name>
    <message>
        <location filename="../review_view.py" line="22"/>
        <source>base — multilingual (Finnish, English, …)</source>
        <extracomment>the models offered by &quot;Transcribe again with…&quot;: (setting value, label)</extracomment>
        <translation>base — monikielinen (suomi, englanti, …)</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="23"/>
        <source>tiny.en — English only, fastest</source>
        <translation>tiny.en — vain englanti, nopein</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="24"/>
        <source>Automatic per language</source>
        <translation>Automaattisesti kielen mukaan</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="41"/>
        <source>← Library</source>
        <extracomment>the interaction was transcribed again: the window reopens it</extracomment>
        <translation>← Kirjasto</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="45"/>
        <source>chat</source>
        <translation>chat</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="48"/>
        <source>model {0}</source>
        <translation>malli {0}</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="52"/>
        <source>Export coaching PDF…</source>
        <translation>Vie valmennusraportti (PDF)…</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="63"/>
        <source>Transcribe again with…</source>
        <translation>Litteroi uudelleen mallilla…</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="73"/>
        <source>Swap agent and customer</source>
        <translation>Vaihda asiakaspalvelija ja asiakas päittäin</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="74"/>
        <source>The speakers are the wrong way round: swap them and score again</source>
        <translation>Puhujat ovat väärin päin: vaihda ne ja arvioi uudelleen</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="80"/>
        <source>Mono recording: agent and customer were told apart by their voices (estimated). If they are the wrong way round, use “Swap agent and customer”.</source>
        <translation>Monotallenne: asiakaspalvelija ja asiakas erotettiin äänistä (arvio). Jos he ovat väärin päin, valitse ”Vaihda asiakaspalvelija ja asiakas päittäin”.</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="110"/>
        <source>Export coaching PDF</source>
        <translation>Vie valmennusraportti</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="126"/>
        <source>Exported</source>
        <translation>Viety</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="126"/>
        <source>Wrote {0}</source>
        <translation>Kirjoitettu {0}</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="130"/>
        <source>Export failed</source>
        <translation>Vienti epäonnistui</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="141"/>
        <source>Transcription failed</source>
        <translation>Litterointi epäonnistui</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="141"/>
        <source>Transcribing…</source>
        <translation>Litteroidaan…</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="147"/>
        <source>Swap failed</source>
        <translation>Vaihto epäonnistui</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../identity_dialog.py" line="8"/>
        <source>Team lead</source>
        <translation>Esihenkilö</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="8"/>
        <source>Agent</source>
        <translation>Asiakaspalvelija</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="9"/>
        <source>Trainer</source>
        <translation>Kouluttaja</translation>
    </message>
</context>
<context>
    <name>RubricEditor</name>
    <message>
        <location filename="../rubric_editor.py" line="41"/>
        <source>New from default</source>
        <translation>Uusi oletusmallista</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="43"/>
        <source>Import YAML…</source>
        <translation>Tuo YAML…</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="43"/>
        <source>Export YAML…</source>
        <translation>Vie YAML…</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="46"/>
        <source>Save as new version</source>
        <translation>Tallenna uutena versiona</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="48"/>
        <source>Template</source>
        <translation>Malli</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="61"/>
        <source>Add criterion…</source>
        <translation>Lisää kriteeri…</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="61"/>
        <source>Remove criterion</source>
        <translation>Poista kriteeri</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="75"/>
        <source>Only trainers save rubric versions; you can try a draft here.</source>
        <translation>Vain kouluttajat tallentavat arviointimallien versioita; luonnosta voit kokeilla tässä.</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="82"/>
        <source>Id</source>
        <translation>Tunniste</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="88"/>
        <source>Title</source>
        <translation>Otsikko</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="88"/>
        <source>Description</source>
        <translation>Kuvaus</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="89"/>
        <source>Not applicable when</source>
        <translation>Ei sovellu, kun</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="94"/>
        <source>Met if any of (one pattern a line)</source>
        <translation>Täyttyy, jos jokin näistä (yksi kuvio riville)</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="95"/>
        <source>Not met if any of</source>
        <translation>Ei täyty, jos jokin näistä</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="96"/>
        <source>Example utterances that meet it (one a line)</source>
        <translation>Esimerkkirepliikit, jotka täyttävät sen (yksi riville)</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="97"/>
        <source>Example utterances that do not</source>
        <translation>Esimerkkirepliikit, jotka eivät täytä sitä</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="98"/>
        <source>Coaching tips</source>
        <translation>Valmennusvinkit</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="109"/>
        <source>Critical: not met fails the whole evaluation</source>
        <translation>Kriittinen: jos ei täyty, koko arviointi hylätään</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="111"/>
        <source>Weight</source>
        <translation>Paino</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="121"/>
        <source>Try it</source>
        <translation>Kokeile</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="123"/>
        <source>Transcript</source>
        <translation>Litterointi</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="128"/>
        <source>Criterion</source>
        <translation>Kriteeri</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="128"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="128"/>
        <source>Matched utterance</source>
        <translation>Osuva repliikki</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="226"/>
        <source>Valid: {0} criteria</source>
        <translation>Kelvollinen: {0} kriteeriä</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="235"/>
        <source>Add criterion</source>
        <translation>Lisää kriteeri</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="235"/>
        <source>Id (lower case, e.g. upsell_offer):</source>
        <translation>Tunniste (pienin kirjaimin, esim. lisamyynti):</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="301"/>
        <source>Not saved</source>
        <translation>Ei tallennettu</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="305"/>
        <source>Saved</source>
        <translation>Tallennettu</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="305"/>
        <source>Saved {0} v{1} as a new version.</source>
        <translation>{0} v{1} tallennettiin uutena versiona.</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="308"/>
        <source>Import rubric</source>
        <translation>Tuo arviointimalli</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="315"/>
        <source>Not imported</source>
        <translation>Ei tuotu</translation>
    </message>
    <message>
        <location filename="../rubric_editor.py" line="320"/>
        <source>Export rubric</source>
        <translation>Vie arviointimalli</translation>
    </message>
</context>
<context>
    <name>ScorecardPanel</name>
    <message>
        <location filename="../scorecard_panel.py" line="52"/>
        <source>Submit self-assessment</source>
        <translation>Lähetä itsearvio</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="53"/>
        <source>Mark review as done</source>
        <translation>Merkitse arvio valmiiksi</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="120"/>
        <source>Changed by {0} from {1}: {2}</source>
        <translation>{0} muutti arviota (aiemmin: {1}): {2}</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="121"/>
        <source>a reviewer</source>
        <translation>arvioija</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="127"/>
        <source>The lead has not scored this. </source>
        <translation>Esihenkilö ei ole arvioinut tätä. </translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="130"/>
        <source>Lead: {0} (differs from yours). </source>
        <translation>Esihenkilö: {0} (eri kuin sinun). </translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="130"/>
        <source>Lead: {0}. </source>
        <translation>Esihenkilö: {0}. </translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="143"/>
        <source>Not scored yet. Scoring runs after transcription.</source>
        <translation>Ei vielä arvioitu. Arviointi tehdään litteroinnin jälkeen.</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="155"/>
        <source>Automatic verdict probability: {0} %</source>
        <translation>Automaattisen arvion todennäköisyys: {0} %</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="158"/>
        <source>not scored</source>
        <translation>arvioimatta</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="158"/>
        <source>met</source>
        <translation>täyttyy</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="158"/>
        <source>not met</source>
        <translation>ei täyty</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="158"/>
        <source>n/a</source>
        <translation>ei sovellu</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="167"/>
        <source>Uncertain ({0} %) — please check. </source>
        <translation>Epävarma ({0} %) — tarkista. </translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="176"/>
        <source>Listen from here: {0}</source>
        <translation>Kuuntele tästä: {0}</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="182"/>
        <source>Comment</source>
        <translation>Kommentti</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="205"/>
        <source>&lt;h2&gt;Total: –&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Pisteet: –&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="207"/>
        <source>passed</source>
        <translation>hyväksytty</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="207"/>
        <source>not passed</source>
        <translation>ei hyväksytty</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="209"/>
        <source>automatic</source>
        <translation>automaattinen</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="209"/>
        <source>lead review</source>
        <translation>esihenkilön arvio</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="209"/>
        <source>self-assessment</source>
        <translation>itsearvio</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="210"/>
        <source>calibration</source>
        <translation>kalibrointi</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="211"/>
        <source>Total</source>
        <translation>Pisteet</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="238"/>
        <location filename="../scorecard_panel.py" line="254"/>
        <source>Not saved</source>
        <translation>Ei tallennettu</translation>
    </message>
    <message>
        <location filename="../scorecard_panel.py" line="261"/>
        <source>Not submitted</source>
        <translation>Ei lähetetty</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="20"/>
        <source>Settings</source>
        <translation>Asetukset</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="23"/>
        <source>Workspace</source>
        <translation>Työtila</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="25"/>
        <source>empty = coach.db in the workspace; or postgresql+psycopg://user@host/db</source>
        <translation>tyhjä = työtilan coach.db; tai postgresql+psycopg://käyttäjä@palvelin/kanta</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="26"/>
        <source>Database URL</source>
        <translation>Tietokannan osoite</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="28"/>
        <source>Automatic: tiny.en for English, base for other languages</source>
        <translation>Automaattinen: tiny.en englannille, base muille kielille</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="29"/>
        <source>tiny.en — English only, fastest</source>
        <translation>tiny.en — vain englanti, nopein</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="30"/>
        <source>base — multilingual (Finnish, English, …)</source>
        <translation>base — monikielinen (suomi, englanti, …)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="32"/>
        <source>Models ship with the app; nothing is downloaded. A local CTranslate2 model folder can be chosen with Folder…</source>
        <translation>Mallit tulevat sovelluksen mukana; mitään ei ladata verkosta. Paikallisen CTranslate2-mallikansion voi valita painikkeella Kansio…</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="34"/>
        <source>Folder…</source>
        <translation>Kansio…</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="41"/>
        <source>Transcription model</source>
        <translation>Litterointimalli</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="45"/>
        <source>Device</source>
        <translation>Laite</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="50"/>
        <source>Compute type</source>
        <translation>Laskentatarkkuus</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="55"/>
        <source>Speech language</source>
        <translation>Puheen kieli</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="59"/>
        <source>Beam size</source>
        <translation>Keilan leveys</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="64"/>
        <source>Hold / dead-air limit</source>
        <translation>Pidon / hiljaisuuden raja</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="66"/>
        <source>Your name</source>
        <translation>Nimesi</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="71"/>
        <source>Your role</source>
        <translation>Roolisi</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="73"/>
        <source>System default</source>
        <translation>Järjestelmän oletus</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="76"/>
        <source>App language</source>
        <translation>Sovelluksen kieli</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="96"/>
        <source>Model folder (CTranslate2 format)</source>
        <translation>Mallikansio (CTranslate2-muoto)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="103"/>
        <source>Transcription model: the folder %1 does not exist</source>
        <translation>Litterointimalli: kansiota %1 ei ole</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="105"/>
        <source>Transcription model: tiny.en only understands English; choose base or Automatic for the speech language %1</source>
        <translation>Litterointimalli: tiny.en ymmärtää vain englantia; valitse puhekielelle %1 base tai Automaattinen</translation>
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
        <location filename="../transcript_panel.py" line="74"/>
        <source>Who talks when — click to listen from there</source>
        <translation>Kuka puhuu milloin — napsauta kuunnellaksesi siitä</translation>
    </message>
</context>
<context>
    <name>TranscriptModel</name>
    <message>
        <location filename="../transcript_panel.py" line="23"/>
        <source>Time</source>
        <translation>Aika</translation>
    </message>
    <message>
        <location filename="../transcript_panel.py" line="23"/>
        <location filename="../transcript_panel.py" line="47"/>
        <source>Speaker</source>
        <translation>Puhuja</translation>
    </message>
    <message>
        <location filename="../transcript_panel.py" line="24"/>
        <source>Text</source>
        <translation>Teksti</translation>
    </message>
    <message>
        <location filename="../transcript_panel.py" line="47"/>
        <source>Agent</source>
        <translation>Asiakaspalvelija</translation>
    </message>
    <message>
        <location filename="../transcript_panel.py" line="47"/>
        <source>Customer</source>
        <translation>Asiakas</translation>
    </message>
</context>
<context>
    <name>TranscriptPanel</name>
    <message>
        <location filename="../transcript_panel.py" line="138"/>
        <location filename="../transcript_panel.py" line="165"/>
        <source>Play</source>
        <translation>Toista</translation>
    </message>
    <message>
        <location filename="../transcript_panel.py" line="140"/>
        <source>−5 s</source>
        <translation>−5 s</translation>
    </message>
    <message>
        <location filename="../transcript_panel.py" line="140"/>
        <source>+5 s</source>
        <translation>+5 s</translation>
    </message>
    <message>
        <location filename="../transcript_panel.py" line="168"/>
        <location filename="../transcript_panel.py" line="189"/>
        <source>Pause</source>
        <translation>Tauko</translation>
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
