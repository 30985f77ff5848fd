<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>HomeScreen</name>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/home.py" line="65"/>
        <source>%n sectors</source>
        <translation>
            <numerusform>%n sector</numerusform>
            <numerusform>%n sectors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/home.py" line="67"/>
        <source>%n programmes</source>
        <translation>
            <numerusform>%n programme</numerusform>
            <numerusform>%n programmes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/home.py" line="71"/>
        <source>A quick check, %n questions</source>
        <translation>
            <numerusform>A quick check, %n question</numerusform>
            <numerusform>A quick check, %n questions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchScreen</name>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/search.py" line="107"/>
        <source>%n results</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SectorsScreen</name>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/sectors.py" line="53"/>
        <source>%n programmes</source>
        <translation>
            <numerusform>%n programme</numerusform>
            <numerusform>%n programmes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortlistScreen</name>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/shortlist.py" line="62"/>
        <source>%n programmes on your list</source>
        <translation>
            <numerusform>%n programme on your list</numerusform>
            <numerusform>%n programmes on your list</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryScreen</name>
    <message numerus="yes">
        <source>Scan with your phone camera. The download works for %n minute(s), without the internet.</source>
        <translation>
            <numerusform>Scan with your phone camera. The download works for %n minute, without the internet.</numerusform>
            <numerusform>Scan with your phone camera. The download works for %n minutes, without the internet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s), A4: what you see is what prints.</source>
        <translation>
            <numerusform>%n page, A4: what you see is what prints.</numerusform>
            <numerusform>%n pages, A4: what you see is what prints.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaffExportScreen</name>
    <message numerus="yes">
        <source>%n lead(s) saved to %1</source>
        <translation>
            <numerusform>%n lead saved to %1</numerusform>
            <numerusform>%n leads saved to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaffPanelScreen</name>
    <message numerus="yes">
        <source>%n lead(s) confirmed by HQ are older than %1 months, the period visitors were told.</source>
        <translation>
            <numerusform>%n lead confirmed by HQ is older than %1 months, the period visitors were told.</numerusform>
            <numerusform>%n leads confirmed by HQ are older than %1 months, the period visitors were told.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) removed.</source>
        <translation>
            <numerusform>%n lead removed.</numerusform>
            <numerusform>%n leads removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not yet at HQ: %n lead(s).</source>
        <translation>
            <numerusform>Not yet at HQ: %n lead.</numerusform>
            <numerusform>Not yet at HQ: %n leads.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them, from before the kiosk last started, need the staff passphrase.</source>
        <translation>
            <numerusform>%n of them, from before the kiosk last started, needs the staff passphrase.</numerusform>
            <numerusform>%n of them, from before the kiosk last started, need the staff passphrase.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>HQ rejected %n lead(s):</source>
        <translation>
            <numerusform>HQ rejected %n lead:</numerusform>
            <numerusform>HQ rejected %n leads:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last sync %1: %n lead(s) sent, all at HQ.</source>
        <translation>
            <numerusform>Last sync %1: %n lead sent, all at HQ.</numerusform>
            <numerusform>Last sync %1: %n leads sent, all at HQ.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Trying again within %n second(s).</source>
        <translation>
            <numerusform>Trying again within %n second.</numerusform>
            <numerusform>Trying again within %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaffPinScreen</name>
    <message numerus="yes">
        <source>Wrong PIN. %n more tries before the pad locks.</source>
        <translation>
            <numerusform>Wrong PIN. %n more try before the pad locks.</numerusform>
            <numerusform>Wrong PIN. %n more tries before the pad locks.</numerusform>
        </translation>
    </message>
</context>
</TS>
