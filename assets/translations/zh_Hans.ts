<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/about.py" line="50"/>
        <source>About VPAS</source>
        <translation>了解 VPAS</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/about.py" line="67"/>
        <source>Notes</source>
        <translation>注释</translation>
    </message>
</context>
<context>
    <name>ContactsScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/contacts.py" line="28"/>
        <source>Contact us</source>
        <translation>联络我们</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/contacts.py" line="43"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/contacts.py" line="46"/>
        <source>Telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/contacts.py" line="48"/>
        <source>E-mail</source>
        <translation>电邮</translation>
    </message>
</context>
<context>
    <name>EligibilityScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="198"/>
        <source>Can I join VPAS?</source>
        <translation>我能参加VPAS吗？</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="283"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="284"/>
        <source>Not sure</source>
        <translation>不确定</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="285"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="292"/>
        <source>Question %1 of %2</source>
        <translation>第 %1 题，共 %2 题</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="301"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="301"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="306"/>
        <source>%1/%2 academic year</source>
        <translation>%1/%2 学年</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="325"/>
        <source>Other countries: type the name in English or pinyin</source>
        <translation>其他国家：用英文或拼音输入名称</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="326"/>
        <source>e.g. malaixiya, malaysia, mlxy</source>
        <translation>例如：malaixiya、malaysia、mlxy</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="330"/>
        <source>Chosen: %1</source>
        <translation>已选：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="332"/>
        <source>Choose one or more.</source>
        <translation>可选择一个或多个。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="370"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="371"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="372"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="384"/>
        <source>Tap the year, the month and the day.</source>
        <translation>请依次轻触年、月、日。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="416"/>
        <source>From my list</source>
        <translation>我的列表中的课程</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="420"/>
        <source>Something else</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="422"/>
        <source>Another programme, not one of these 34</source>
        <translation>其他课程（不在这34个课程之列）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="423"/>
        <source>I have not decided yet</source>
        <translation>我还没有决定</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>We will answer your questions</source>
        <translation>我们会解答你的问题</translation>
    </message>
    <message>
        <source>Leave your contact</source>
        <translation>留下联络资料</translation>
    </message>
    <message>
        <source>Print it, or take it on your phone</source>
        <translation>打印，或用手机带走</translation>
    </message>
    <message>
        <source>My summary</source>
        <translation>我的摘要</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="55"/>
        <source>Home</source>
        <translation>主页</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="64"/>
        <source>Explore sectors</source>
        <translation>浏览行业</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/home.py" line="65"/>
        <source>%n sectors</source>
        <translation>
            <numerusform>%n 个行业</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/home.py" line="67"/>
        <source>%n programmes</source>
        <translation>
            <numerusform>%n 个课程</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="70"/>
        <source>Can I join VPAS?</source>
        <translation>我能参加VPAS吗？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/home.py" line="71"/>
        <source>A quick check, %n questions</source>
        <translation>
            <numerusform>简单测一测，共 %n 题</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="73"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="73"/>
        <source>Chinese, English or pinyin</source>
        <translation>中文、英文或拼音</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="74"/>
        <source>About VPAS</source>
        <translation>了解 VPAS</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="74"/>
        <source>The path to staying in Hong Kong</source>
        <translation>留港发展之路</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="76"/>
        <source>Enterprise support</source>
        <translation>企业支持</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="77"/>
        <source>Scholarships, internships, jobs</source>
        <translation>奖学金、实习、工作</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="79"/>
        <source>Contact us</source>
        <translation>联络我们</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="79"/>
        <source>Telephone, e-mail, address</source>
        <translation>电话、电邮、地址</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="80"/>
        <source>My list</source>
        <translation>我的列表</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="80"/>
        <source>The programmes you saved</source>
        <translation>你收藏的课程</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../../kiosk/ui/idle.py" line="101"/>
        <source>Are you still there?</source>
        <translation>你还在吗？</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/idle.py" line="103"/>
        <source>To keep your choices private, the kiosk will start over for the next visitor.</source>
        <translation>为保护你的隐私，本机将为下一位访客重新开始。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/idle.py" line="105"/>
        <source>I&apos;m still here</source>
        <translation>我还在</translation>
    </message>
</context>
<context>
    <name>LetterKeyboard</name>
    <message>
        <location filename="../../kiosk/ui/widgets/letter_keyboard.py" line="44"/>
        <source>space</source>
        <translation>空格</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/letter_keyboard.py" line="45"/>
        <source>clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>OutcomeScreen</name>
    <message>
        <source>Leave your contact</source>
        <translation>留下联络资料</translation>
    </message>
    <message>
        <source>My summary: print or scan</source>
        <translation>我的摘要：打印或扫码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="88"/>
        <source>Your result</source>
        <translation>你的结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="138"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="147"/>
        <source>What to do next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="149"/>
        <source>Show this screen to our staff at the booth: they can answer your questions.</source>
        <translation>请把这个画面给展位的工作人员看，他们会解答你的问题。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="151"/>
        <source>Explore the programmes</source>
        <translation>浏览课程</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="152"/>
        <source>Contact us</source>
        <translation>联络我们</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="186"/>
        <source>Your answers</source>
        <translation>你的回答</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="200"/>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="207"/>
        <source>Good to know</source>
        <translation>须知</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="225"/>
        <source>Not sure</source>
        <translation>不确定</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="227"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="229"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="238"/>
        <source>I have not decided yet</source>
        <translation>我还没有决定</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="240"/>
        <source>Another programme, not one of these 34</source>
        <translation>其他课程（不在这34个课程之列）</translation>
    </message>
</context>
<context>
    <name>ProgrammeScreen</name>
    <message>
        <source>Ask us about it</source>
        <translation>向我们查询这个课程</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/programme.py" line="90"/>
        <source>Higher Diploma (2-year), full-time, at VTC</source>
        <translation>VTC 全日制高级文凭（两年制）课程</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/programme.py" line="94"/>
        <source>Can I join VPAS with this programme?</source>
        <translation>读这个课程，我能参加VPAS吗？</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/programme.py" line="95"/>
        <source>Sector: %1</source>
        <translation>行业：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/programme.py" line="108"/>
        <source>On my list (tap to remove)</source>
        <translation>已在我的列表（轻触移除）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/programme.py" line="108"/>
        <source>Add to my list</source>
        <translation>加入我的列表</translation>
    </message>
</context>
<context>
    <name>SearchScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/search.py" line="66"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/search.py" line="84"/>
        <source>e.g. 软件, rjgc, ruanjian, cloud</source>
        <translation>例如：软件、rjgc、ruanjian、cloud</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/search.py" line="103"/>
        <source>Type a programme, a sector or a job, in any language.</source>
        <translation>输入课程、行业或工作名称，中文、英文或拼音均可。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/search.py" line="105"/>
        <source>No match. Try fewer letters, or pinyin initials.</source>
        <translation>没有找到。试试少输入几个字，或输入拼音首字母。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/search.py" line="107"/>
        <source>%n results</source>
        <translation>
            <numerusform>找到 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/search.py" line="128"/>
        <source>Sector: %1</source>
        <translation>行业：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/search.py" line="132"/>
        <source>Job: %1</source>
        <translation>相关工作：%1</translation>
    </message>
</context>
<context>
    <name>SectorScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/sector.py" line="97"/>
        <source>New %1</source>
        <translation>%1 新增</translation>
    </message>
</context>
<context>
    <name>SectorsScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/sectors.py" line="43"/>
        <source>Explore sectors</source>
        <translation>浏览行业</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/sectors.py" line="50"/>
        <source>New %1</source>
        <translation>%1 新增</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/sectors.py" line="53"/>
        <source>%n programmes</source>
        <translation>
            <numerusform>%n 个课程</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="187"/>
        <source>My list (%1)</source>
        <translation>我的列表 (%1)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="191"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="192"/>
        <source>Home</source>
        <translation>主页</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="193"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
</context>
<context>
    <name>ShortlistScreen</name>
    <message>
        <source>My summary: print or scan</source>
        <translation>我的摘要：打印或扫码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/shortlist.py" line="39"/>
        <location filename="../../kiosk/ui/screens/shortlist.py" line="58"/>
        <source>My list</source>
        <translation>我的列表</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/shortlist.py" line="60"/>
        <source>Your list is empty. Open a programme and tap “Add to my list”.</source>
        <translation>你的列表还是空的。打开一个课程，轻触“加入我的列表”。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/shortlist.py" line="62"/>
        <source>%n programmes on your list</source>
        <translation>
            <numerusform>你的列表中有 %n 个课程</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/shortlist.py" line="64"/>
        <source>Explore sectors</source>
        <translation>浏览行业</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/shortlist.py" line="76"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>SupportScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/support.py" line="42"/>
        <source>Enterprise support</source>
        <translation>企业支持</translation>
    </message>
</context>
<context>
    <name>SummaryScreen</name>
    <message>
        <source>Leave your contact for a reply</source>
        <translation>留下联络资料，我们会回复你</translation>
    </message>
    <message>
        <source>VTC's VPAS page</source>
        <translation>职业训练局VPAS网页</translation>
    </message>
    <message>
        <source>Booth Wi-Fi: %1</source>
        <translation>展位Wi-Fi：%1</translation>
    </message>
    <message numerus="yes">
        <source>Scan with your phone camera. The download works for %n minute(s), without the internet.</source>
        <translation>
            <numerusform>用手机相机扫码。下载链接在%n分钟内有效，毋须连接互联网。</numerusform>
        </translation>
    </message>
    <message>
        <source>Download your summary</source>
        <translation>下载你的摘要</translation>
    </message>
    <message>
        <source>1. Join the booth Wi-Fi</source>
        <translation>1. 连接展位Wi-Fi</translation>
    </message>
    <message>
        <source>This kiosk is not on a booth network, so it cannot send the PDF to your phone. Scan to open VTC's VPAS page with your programmes, or print your summary.</source>
        <translation>本机未连接展位网络，无法把PDF发送到你的手机。请扫码打开职业训练局的VPAS网页查看课程，或打印你的摘要。</translation>
    </message>
    <message>
        <source>Take it on your phone</source>
        <translation>用手机带走</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s), A4: what you see is what prints.</source>
        <translation>
            <numerusform>共%n页A4：打印出来的和你看到的一样。</numerusform>
        </translation>
    </message>
    <message>
        <source>Print my summary</source>
        <translation>打印我的摘要</translation>
    </message>
    <message>
        <source>Printing did not work. Scan the QR code below to take your summary on your phone, or ask our staff.</source>
        <translation>打印未能完成。请扫描下方二维码，用手机带走你的摘要，或向工作人员查询。</translation>
    </message>
    <message>
        <source>The printer is offline. Scan the QR code below to take your summary on your phone, or ask our staff.</source>
        <translation>打印机未能连线。请扫描下方二维码，用手机带走你的摘要，或向工作人员查询。</translation>
    </message>
    <message>
        <source>There is no printer at this kiosk. Scan the QR code below to take your summary on your phone.</source>
        <translation>本机没有连接打印机。请扫描下方二维码，用手机带走你的摘要。</translation>
    </message>
    <message>
        <source>Printed. Please take your summary from the printer.</source>
        <translation>已打印，请从打印机取走你的摘要。</translation>
    </message>
    <message>
        <source>Printing page %1 of %2…</source>
        <translation>正在打印第%1页，共%2页…</translation>
    </message>
    <message>
        <source>Sending your summary to the printer…</source>
        <translation>正在把你的摘要发送到打印机…</translation>
    </message>
    <message>
        <source>Your summary could not be made. Please ask our staff at the booth.</source>
        <translation>未能制作你的摘要，请向展位工作人员查询。</translation>
    </message>
    <message>
        <source>Preparing your summary…</source>
        <translation>正在准备你的摘要…</translation>
    </message>
    <message>
        <source>My summary</source>
        <translation>我的摘要</translation>
    </message>
</context>
<context>
    <name>LeadConsentScreen</name>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Leave your contact</source>
        <translation>留下联络资料</translation>
    </message>
</context>
<context>
    <name>LeadThanksScreen</name>
    <message>
        <source>Back to home</source>
        <translation>返回主页</translation>
    </message>
    <message>
        <source>My summary: print or scan</source>
        <translation>我的摘要：打印或扫码</translation>
    </message>
    <message>
        <source>Your details are saved. Our colleagues will contact you about VTC's programmes and VPAS.</source>
        <translation>你的资料已保存。我们的同事会就VTC课程及VPAS与你联络。</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>谢谢你！</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>谢谢</translation>
    </message>
</context>
<context>
    <name>LeadFormScreen</name>
    <message>
        <source>Please check this.</source>
        <translation>请检查这一项。</translation>
    </message>
    <message>
        <source>Please choose a language.</source>
        <translation>请选择一种语言。</translation>
    </message>
    <message>
        <source>Please choose from the list.</source>
        <translation>请从列表中选择。</translation>
    </message>
    <message>
        <source>Please choose one.</source>
        <translation>请选择一项。</translation>
    </message>
    <message>
        <source>Please choose where you live.</source>
        <translation>请选择你所在的地方。</translation>
    </message>
    <message>
        <source>Please give a mobile number, an e-mail or a WeChat ID.</source>
        <translation>请提供手机号码、电邮或微信号。</translation>
    </message>
    <message>
        <source>A WeChat ID has 6–20 letters, digits, _ or -, starting with a letter.</source>
        <translation>微信号由6至20个字母、数字、_ 或 - 组成，以字母开头。</translation>
    </message>
    <message>
        <source>This is not an e-mail address.</source>
        <translation>这不是有效的电邮地址。</translation>
    </message>
    <message>
        <source>This is not a mobile number for that country code.</source>
        <translation>这不是该区号的手机号码。</translation>
    </message>
    <message>
        <source>Please choose a country code.</source>
        <translation>请选择国家/地区区号。</translation>
    </message>
    <message>
        <source>Please check the school's name.</source>
        <translation>请检查学校名称。</translation>
    </message>
    <message>
        <source>Please use letters only.</source>
        <translation>请只用文字。</translation>
    </message>
    <message>
        <source>This is too long.</source>
        <translation>内容太长。</translation>
    </message>
    <message>
        <source>Please fill this in.</source>
        <translation>请填写这一项。</translation>
    </message>
    <message>
        <source>Graduated or working</source>
        <translation>已毕业/已工作</translation>
    </message>
    <message>
        <source>College or university</source>
        <translation>大专或大学</translation>
    </message>
    <message>
        <source>Secondary vocational school</source>
        <translation>中职/中专</translation>
    </message>
    <message>
        <source>Senior secondary, year 3</source>
        <translation>高三</translation>
    </message>
    <message>
        <source>Senior secondary, year 2</source>
        <translation>高二</translation>
    </message>
    <message>
        <source>Senior secondary, year 1</source>
        <translation>高一</translation>
    </message>
    <message>
        <source>Send my details</source>
        <translation>发送我的资料</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation>还未决定</translation>
    </message>
    <message>
        <source>Country code, e.g. 1 or 44</source>
        <translation>国家/地区区号，例如 1 或 44</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>We should contact you in</source>
        <translation>联络你时使用的语言</translation>
    </message>
    <message>
        <source>Programmes you are interested in</source>
        <translation>你感兴趣的课程</translation>
    </message>
    <message>
        <source>When would you like to start?</source>
        <translation>你打算何时入学？</translation>
    </message>
    <message>
        <source>What are you doing now?</source>
        <translation>你现在的阶段</translation>
    </message>
    <message>
        <source>School (optional)</source>
        <translation>学校(可选)</translation>
    </message>
    <message>
        <source>Province or region</source>
        <translation>所在省份或地区</translation>
    </message>
    <message>
        <source>WeChat ID (optional)</source>
        <translation>微信号(可选)</translation>
    </message>
    <message>
        <source>E-mail (optional)</source>
        <translation>电邮(可选)</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>We need at least one way to reach you: mobile, e-mail or WeChat.</source>
        <translation>请至少提供一种联络方式：手机、电邮或微信。</translation>
    </message>
    <message>
        <source>Your contact details</source>
        <translation>你的联络资料</translation>
    </message>
    <message>
        <source>Your details could not be saved. Please ask our staff for help.</source>
        <translation>未能保存你的资料，请向工作人员求助。</translation>
    </message>
    <message>
        <source>The kiosk's storage is full. Please ask our staff, then tap Send again.</source>
        <translation>本机储存空间已满。请通知工作人员，然后再按“发送”。</translation>
    </message>
    <message>
        <source>Please check the fields marked in red.</source>
        <translation>请检查以红色标示的项目。</translation>
    </message>
    <message>
        <source>Leave your contact</source>
        <translation>留下联络资料</translation>
    </message>
</context>
</TS>
