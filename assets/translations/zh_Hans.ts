<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/about.py" line="45" />
        <source>About VPAS</source>
        <translation>了解 VPAS</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/about.py" line="59" />
        <source>Notes</source>
        <translation>注释</translation>
    </message>
</context>
<context>
    <name>ContactsScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/contacts.py" line="23" />
        <source>Contact us</source>
        <translation>联络我们</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/contacts.py" line="37" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/contacts.py" line="39" />
        <source>Telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/contacts.py" line="41" />
        <source>E-mail</source>
        <translation>电邮</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="49" />
        <source>Home</source>
        <translation>主页</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="58" />
        <source>Explore sectors</source>
        <translation>浏览行业</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/home.py" line="59" />
        <source>%n sectors</source>
        <translation>
            <numerusform>%n 个行业</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/home.py" line="61" />
        <source>%n programmes</source>
        <translation>
            <numerusform>%n 个课程</numerusform></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="63" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="63" />
        <source>Chinese, English or pinyin</source>
        <translation>中文、英文或拼音</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="64" />
        <source>About VPAS</source>
        <translation>了解 VPAS</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="64" />
        <source>The path to staying in Hong Kong</source>
        <translation>留港发展之路</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="65" />
        <source>Enterprise support</source>
        <translation>企业支持</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="65" />
        <source>Scholarships, internships, jobs</source>
        <translation>奖学金、实习、工作</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="66" />
        <source>Contact us</source>
        <translation>联络我们</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="66" />
        <source>Telephone, e-mail, address</source>
        <translation>电话、电邮、地址</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="67" />
        <source>My list</source>
        <translation>我的列表</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="67" />
        <source>The programmes you saved</source>
        <translation>你收藏的课程</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../../kiosk/ui/idle.py" line="96" />
        <source>Are you still there?</source>
        <translation>你还在吗？</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/idle.py" line="98" />
        <source>To keep your choices private, the kiosk will start over for the next visitor.</source>
        <translation>为保护你的隐私，本机将为下一位访客重新开始。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/idle.py" line="100" />
        <source>I'm still here</source>
        <translation>我还在</translation>
    </message>
</context>
<context>
    <name>LetterKeyboard</name>
    <message>
        <location filename="../../kiosk/ui/widgets/letter_keyboard.py" line="44" />
        <source>space</source>
        <translation>空格</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/letter_keyboard.py" line="45" />
        <source>clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>ProgrammeScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/programme.py" line="83" />
        <source>Higher Diploma (2-year), full-time, at VTC</source>
        <translation>VTC 全日制高级文凭（两年制）课程</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/programme.py" line="87" />
        <source>Sector: %1</source>
        <translation>行业：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/programme.py" line="103" />
        <source>On my list (tap to remove)</source>
        <translation>已在我的列表（轻触移除）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/programme.py" line="103" />
        <source>Add to my list</source>
        <translation>加入我的列表</translation>
    </message>
</context>
<context>
    <name>SearchScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/search.py" line="53" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/search.py" line="71" />
        <source>e.g. 软件, rjgc, ruanjian, cloud</source>
        <translation>例如：软件、rjgc、ruanjian、cloud</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/search.py" line="90" />
        <source>Type a programme, a sector or a job, in any language.</source>
        <translation>输入课程、行业或工作名称，中文、英文或拼音均可。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/search.py" line="92" />
        <source>No match. Try fewer letters, or pinyin initials.</source>
        <translation>没有找到。试试少输入几个字，或输入拼音首字母。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/search.py" line="94" />
        <source>%n results</source>
        <translation>
            <numerusform>找到 %n 项</numerusform></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/search.py" line="107" />
        <source>Sector: %1</source>
        <translation>行业：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/search.py" line="110" />
        <source>Job: %1</source>
        <translation>相关工作：%1</translation>
    </message>
</context>
<context>
    <name>SectorScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/sector.py" line="83" />
        <source>New %1</source>
        <translation>%1 新增</translation>
    </message>
</context>
<context>
    <name>SectorsScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/sectors.py" line="39" />
        <source>Explore sectors</source>
        <translation>浏览行业</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/sectors.py" line="46" />
        <source>New %1</source>
        <translation>%1 新增</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/sectors.py" line="49" />
        <source>%n programmes</source>
        <translation>
            <numerusform>%n 个课程</numerusform></translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="179" />
        <source>My list (%1)</source>
        <translation>我的列表 (%1)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="180" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="181" />
        <source>Home</source>
        <translation>主页</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="182" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
</context>
<context>
    <name>ShortlistScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/shortlist.py" line="35" />
        <location filename="../../kiosk/ui/screens/shortlist.py" line="54" />
        <source>My list</source>
        <translation>我的列表</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/shortlist.py" line="56" />
        <source>Your list is empty. Open a programme and tap “Add to my list”.</source>
        <translation>你的列表还是空的。打开一个课程，轻触“加入我的列表”。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/shortlist.py" line="58" />
        <source>%n programmes on your list</source>
        <translation>
            <numerusform>你的列表中有 %n 个课程</numerusform></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/shortlist.py" line="60" />
        <source>Explore sectors</source>
        <translation>浏览行业</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/shortlist.py" line="72" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>SupportScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/support.py" line="39" />
        <source>Enterprise support</source>
        <translation>企业支持</translation>
    </message>
</context>
</TS>