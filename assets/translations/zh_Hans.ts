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
    <name>AlertCard</name>
    <message>
        <location filename="../../kiosk/ui/widgets/staff_alerts.py" line="106"/>
        <source>Dismiss</source>
        <translation>知道了</translation>
    </message>
</context>
<context>
    <name>AlertTexts</name>
    <message>
        <location filename="../../kiosk/ui/widgets/staff_alerts.py" line="24"/>
        <source>Since %1 the kiosk&apos;s storage is full and visitors&apos; details cannot be saved. Free some space (IT), then ask the visitor to tap Send again.</source>
        <translation>自 %1 起，本机储存空间已满，无法保存访客的联络资料。请 IT 同事释放空间后，再请访客重新按“发送”。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/staff_alerts.py" line="28"/>
        <source>Since %1 visitors&apos; details cannot be saved (a database error). Restart the kiosk; if it happens again, call IT.</source>
        <translation>自 %1 起，访客的联络资料无法保存（数据库错误）。请重新启动本机；如再次发生，请联络 IT。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/staff_alerts.py" line="32"/>
        <source>At %1 the kiosk found its leads database damaged and started a fresh one with the %2 leads it could still read. The old files are kept for IT in %3.</source>
        <translation>%1 本机发现联络资料数据库已损坏，已改用新的数据库，并转入仍可读取的 %2 条联络资料。旧文件保留在 %3，供 IT 同事处理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/staff_alerts.py" line="36"/>
        <source>At %1 the printer stopped in the middle of a visitor&apos;s summary. Check its cable, power and paper, then print a test page.</source>
        <translation>%1 打印机在打印访客的摘要时中途停止。请检查连接线、电源和纸张，然后打印测试页。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/widgets/staff_alerts.py" line="44"/>
        <source>(%n time(s))</source>
        <translation>
            <numerusform>（共 %n 次）</numerusform>
        </translation>
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
        <location filename="../../kiosk/ui/screens/eligibility.py" line="367"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="368"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="369"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="381"/>
        <source>Tap the year, the month and the day.</source>
        <translation>请依次轻触年、月、日。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="413"/>
        <source>From my list</source>
        <translation>我的列表中的课程</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="417"/>
        <source>Something else</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="419"/>
        <source>Another programme, not one of these 34</source>
        <translation>其他课程（不在这34个课程之列）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/eligibility.py" line="420"/>
        <source>I have not decided yet</source>
        <translation>我还没有决定</translation>
    </message>
    <message>
        <source>Decade</source>
        <translation>年代</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>We will answer your questions</source>
        <translation type="vanished">我们会解答你的问题</translation>
    </message>
    <message>
        <source>Leave your contact</source>
        <translation>留下联络资料</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="87"/>
        <source>Print it, or take it on your phone</source>
        <translation>打印，或用手机带走</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="86"/>
        <source>My summary</source>
        <translation>我的摘要</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="59"/>
        <source>Home</source>
        <translation>主页</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="68"/>
        <source>Explore sectors</source>
        <translation>浏览行业</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/home.py" line="69"/>
        <source>%n sectors</source>
        <translation>
            <numerusform>%n 个行业</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/home.py" line="71"/>
        <source>%n programmes</source>
        <translation>
            <numerusform>%n 个课程</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="74"/>
        <source>Can I join VPAS?</source>
        <translation>我能参加VPAS吗？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/home.py" line="75"/>
        <source>A quick check, %n questions</source>
        <translation>
            <numerusform>简单测一测，共 %n 题</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="77"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="77"/>
        <source>Chinese, English or pinyin</source>
        <translation>中文、英文或拼音</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="78"/>
        <source>About VPAS</source>
        <translation>了解 VPAS</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="78"/>
        <source>The path to staying in Hong Kong</source>
        <translation>留港发展之路</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="80"/>
        <source>Enterprise support</source>
        <translation>企业支持</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="81"/>
        <source>Scholarships, internships, jobs</source>
        <translation>奖学金、实习、工作</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="83"/>
        <source>Contact us</source>
        <translation>联络我们</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="83"/>
        <source>Telephone, e-mail, address</source>
        <translation>电话、电邮、地址</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="84"/>
        <source>My list</source>
        <translation>我的列表</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="84"/>
        <source>The programmes you saved</source>
        <translation>你收藏的课程</translation>
    </message>
    <message>
        <source>So that VTC can contact you about your enquiry</source>
        <translation>让VTC就你的查询与你联络</translation>
    </message>
    <message>
        <source>Print it and take it with you</source>
        <translation>打印出来带走</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../../kiosk/ui/idle.py" line="104"/>
        <source>Are you still there?</source>
        <translation>你还在吗？</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/idle.py" line="106"/>
        <source>To keep your choices private, the kiosk will start over for the next visitor.</source>
        <translation>为保护你的隐私，本机将为下一位访客重新开始。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/idle.py" line="108"/>
        <source>I&apos;m still here</source>
        <translation>我还在</translation>
    </message>
</context>
<context>
    <name>LeadConsentScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/lead_consent.py" line="123"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_consent.py" line="58"/>
        <source>Leave your contact</source>
        <translation>留下联络资料</translation>
    </message>
</context>
<context>
    <name>LeadFormScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="350"/>
        <source>Please check this.</source>
        <translation>请检查这一项。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="349"/>
        <source>Please choose a language.</source>
        <translation>请选择一种语言。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="348"/>
        <source>Please choose from the list.</source>
        <translation>请从列表中选择。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="346"/>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="347"/>
        <source>Please choose one.</source>
        <translation>请选择一项。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="345"/>
        <source>Please choose where you live.</source>
        <translation>请选择你所在的地方。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="343"/>
        <source>Please give a mobile number, an e-mail or a WeChat ID.</source>
        <translation>请提供手机号码、电邮或微信号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="340"/>
        <source>A WeChat ID has 6–20 letters, digits, _ or -, starting with a letter.</source>
        <translation>微信号由6至20个字母、数字、_ 或 - 组成，以字母开头。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="338"/>
        <source>This is not an e-mail address.</source>
        <translation>这不是有效的电邮地址。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="337"/>
        <source>This is not a mobile number for that country code.</source>
        <translation>这不是该区号的手机号码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="336"/>
        <source>Please choose a country code.</source>
        <translation>请选择国家/地区区号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="335"/>
        <source>Please check the school&apos;s name.</source>
        <translation>请检查学校名称。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="334"/>
        <source>Please use letters only.</source>
        <translation>请只用文字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="333"/>
        <source>This is too long.</source>
        <translation>内容太长。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="332"/>
        <source>Please fill this in.</source>
        <translation>请填写这一项。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="326"/>
        <source>Graduated or working</source>
        <translation>已毕业/已工作</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="325"/>
        <source>College or university</source>
        <translation>大专或大学</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="324"/>
        <source>Secondary vocational school</source>
        <translation>中职/中专</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="323"/>
        <source>Senior secondary, year 3</source>
        <translation>高三</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="322"/>
        <source>Senior secondary, year 2</source>
        <translation>高二</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="321"/>
        <source>Senior secondary, year 1</source>
        <translation>高一</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="308"/>
        <source>Send my details</source>
        <translation>发送我的资料</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="300"/>
        <source>Not decided yet</source>
        <translation>还未决定</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="295"/>
        <source>Country code, e.g. 1 or 44</source>
        <translation>国家/地区区号，例如 1 或 44</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="294"/>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="327"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="290"/>
        <source>We should contact you in</source>
        <translation>联络你时使用的语言</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="289"/>
        <source>Programmes you are interested in</source>
        <translation>你感兴趣的课程</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="288"/>
        <source>When would you like to start?</source>
        <translation>你打算何时入学？</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="287"/>
        <source>What are you doing now?</source>
        <translation>你现在的阶段</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="286"/>
        <source>School (optional)</source>
        <translation>学校(可选)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="285"/>
        <source>Province or region</source>
        <translation>所在省份或地区</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="284"/>
        <source>WeChat ID (optional)</source>
        <translation>微信号(可选)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="283"/>
        <source>E-mail (optional)</source>
        <translation>电邮(可选)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="282"/>
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="281"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="278"/>
        <source>We need at least one way to reach you: mobile, e-mail or WeChat.</source>
        <translation>请至少提供一种联络方式：手机、电邮或微信。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="276"/>
        <source>Your contact details</source>
        <translation>你的联络资料</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="242"/>
        <source>Your details could not be saved. Please ask our staff for help.</source>
        <translation>未能保存你的资料，请向工作人员求助。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="240"/>
        <source>The kiosk&apos;s storage is full. Please ask our staff, then tap Send again.</source>
        <translation>本机储存空间已满。请通知工作人员，然后再按“发送”。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="220"/>
        <source>Please check the fields marked in red.</source>
        <translation>请检查以红色标示的项目。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_form.py" line="148"/>
        <source>Leave your contact</source>
        <translation>留下联络资料</translation>
    </message>
</context>
<context>
    <name>LeadThanksScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/lead_thanks.py" line="52"/>
        <source>Back to home</source>
        <translation>返回主页</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_thanks.py" line="47"/>
        <source>Your details are saved. Our colleagues will contact you about VTC&apos;s programmes and VPAS.</source>
        <translation>你的资料已保存。我们的同事会就VTC课程及VPAS与你联络。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_thanks.py" line="44"/>
        <source>Thank you!</source>
        <translation>谢谢你！</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/lead_thanks.py" line="41"/>
        <source>Thank you</source>
        <translation>谢谢</translation>
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
        <location filename="../../kiosk/ui/screens/outcome.py" line="129"/>
        <source>Leave your contact</source>
        <translation>留下联络资料</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="92"/>
        <source>Your result</source>
        <translation>你的结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="113"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="122"/>
        <source>What to do next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="124"/>
        <source>Show this screen to our staff at the booth: they can answer your questions.</source>
        <translation>请把这个画面给展位的工作人员看，他们会解答你的问题。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="126"/>
        <source>Explore the programmes</source>
        <translation>浏览课程</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="127"/>
        <source>Contact us</source>
        <translation>联络我们</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="139"/>
        <source>Your answers</source>
        <translation>你的回答</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="153"/>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="160"/>
        <source>Good to know</source>
        <translation>须知</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="178"/>
        <source>Not sure</source>
        <translation>不确定</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="180"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="182"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="191"/>
        <source>I have not decided yet</source>
        <translation>我还没有决定</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/outcome.py" line="193"/>
        <source>Another programme, not one of these 34</source>
        <translation>其他课程（不在这34个课程之列）</translation>
    </message>
</context>
<context>
    <name>ProgrammeScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/programme.py" line="102"/>
        <source>Ask us about it</source>
        <translation>向我们查询这个课程</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/programme.py" line="97"/>
        <source>Higher Diploma (2-year), full-time, at VTC</source>
        <translation>VTC 全日制高级文凭（两年制）课程</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/programme.py" line="101"/>
        <source>Can I join VPAS with this programme?</source>
        <translation>读这个课程，我能参加VPAS吗？</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/programme.py" line="103"/>
        <source>Sector: %1</source>
        <translation>行业：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/programme.py" line="116"/>
        <source>On my list (tap to remove)</source>
        <translation>已在我的列表（轻触移除）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/programme.py" line="116"/>
        <source>Add to my list</source>
        <translation>加入我的列表</translation>
    </message>
</context>
<context>
    <name>SearchScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/search.py" line="68"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/search.py" line="86"/>
        <source>e.g. 软件, rjgc, ruanjian, cloud</source>
        <translation>例如：软件、rjgc、ruanjian、cloud</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/search.py" line="105"/>
        <source>Type a programme, a sector or a job, in any language.</source>
        <translation>输入课程、行业或工作名称，中文、英文或拼音均可。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/search.py" line="107"/>
        <source>No match. Try fewer letters, or pinyin initials.</source>
        <translation>没有找到。试试少输入几个字，或输入拼音首字母。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/search.py" line="109"/>
        <source>%n results</source>
        <translation>
            <numerusform>找到 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/search.py" line="130"/>
        <source>Sector: %1</source>
        <translation>行业：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/search.py" line="134"/>
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
        <location filename="../../kiosk/ui/shell.py" line="253"/>
        <source>My list (%1)</source>
        <translation>我的列表 (%1)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="257"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="258"/>
        <source>Home</source>
        <translation>主页</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="259"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
</context>
<context>
    <name>Screen</name>
    <message>
        <location filename="../../kiosk/ui/screens/base.py" line="50"/>
        <source>My summary: print or scan</source>
        <translation>我的摘要：打印或扫码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/base.py" line="51"/>
        <source>My summary: print</source>
        <translation>我的摘要：打印</translation>
    </message>
</context>
<context>
    <name>ShortlistScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/shortlist.py" line="46"/>
        <location filename="../../kiosk/ui/screens/shortlist.py" line="65"/>
        <source>My list</source>
        <translation>我的列表</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/shortlist.py" line="67"/>
        <source>Your list is empty. Open a programme and tap “Add to my list”.</source>
        <translation>你的列表还是空的。打开一个课程，轻触“加入我的列表”。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/shortlist.py" line="69"/>
        <source>%n programmes on your list</source>
        <translation>
            <numerusform>你的列表中有 %n 个课程</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/shortlist.py" line="71"/>
        <source>Explore sectors</source>
        <translation>浏览行业</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/shortlist.py" line="85"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>StaffEventScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/staff_event.py" line="55"/>
        <source>Event set-up</source>
        <translation>活动设置</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_event.py" line="58"/>
        <source>Every lead and every visit from now on carries this event and kiosk id. Once a lead has been left at this event, a change here starts a new event, so earlier leads keep the event they were left at.</source>
        <translation>此后每条联络资料和每次访问都会记录这个活动和资讯机编号。活动一旦收到联络资料，在此修改会开始一个新活动，已收到的资料仍属原来的活动。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_event.py" line="64"/>
        <source>Event name (e.g. China Education Expo 2026)</source>
        <translation>活动名称（例如：2026中国教育展）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_event.py" line="65"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_event.py" line="66"/>
        <source>First day</source>
        <translation>第一天</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_event.py" line="67"/>
        <source>Last day</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_event.py" line="68"/>
        <source>Kiosk id (e.g. GZ-01), on exports and at HQ</source>
        <translation>资讯机编号（例如 GZ-01），用于导出及总部</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_event.py" line="71"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_event.py" line="89"/>
        <source>An event needs a name and a city, and cannot end before it starts.</source>
        <translation>活动需要名称和城市，结束日期不能早于开始日期。</translation>
    </message>
</context>
<context>
    <name>StaffExportScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/staff_export.py" line="99"/>
        <source>Export leads</source>
        <translation>导出联络资料</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_export.py" line="100"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_export.py" line="103"/>
        <source>CSV (Excel)</source>
        <translation>CSV（Excel）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_export.py" line="104"/>
        <source>Excel workbook (XLSX)</source>
        <translation>Excel 工作簿（XLSX）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_export.py" line="105"/>
        <source>Bundle for HQ import (JSONL)</source>
        <translation>总部导入包（JSONL）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_export.py" line="108"/>
        <location filename="../../kiosk/ui/screens/staff_export.py" line="148"/>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_export.py" line="109"/>
        <source>Another folder…</source>
        <translation>其他文件夹…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_export.py" line="111"/>
        <source>Staff passphrase (asked once a day: it opens visitors&apos; contact details)</source>
        <translation>职员密码短语（每天输入一次，用于打开访客的联络资料）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_export.py" line="113"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_export.py" line="136"/>
        <source>This kiosk (%1)</source>
        <translation>本机（%1）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_export.py" line="167"/>
        <source>The staff passphrase is not right.</source>
        <translation>职员密码短语不正确。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_export.py" line="200"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/staff_export.py" line="219"/>
        <source>%n lead(s) saved to %1</source>
        <translation>
            <numerusform>已将 %n 条联络资料保存到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_export.py" line="225"/>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
<context>
    <name>StaffPanelScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="182"/>
        <source>Staff panel</source>
        <translation>职员面板</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="183"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="184"/>
        <source>All days</source>
        <translation>所有日子</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="185"/>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="209"/>
        <source>Visitors</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="186"/>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="210"/>
        <source>Leads</source>
        <translation>联络资料</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="187"/>
        <source>Not yet at HQ</source>
        <translation>未送达总部</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="189"/>
        <source>Charts: today</source>
        <translation>图表：今天</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="189"/>
        <source>Charts: all days</source>
        <translation>图表：所有日子</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="191"/>
        <source>Event set-up</source>
        <translation>活动设置</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="192"/>
        <source>Export leads</source>
        <translation>导出联络资料</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="193"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="194"/>
        <source>Print a test page</source>
        <translation>打印测试页</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="195"/>
        <source>Sync to HQ</source>
        <translation>同步到总部</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="196"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="197"/>
        <source>Staff passphrase</source>
        <translation>职员密码短语</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="199"/>
        <source>Closes the kiosk app and shows the computer&apos;s desktop (for IT staff).</source>
        <translation>关闭资讯机程序并显示电脑桌面（供IT人员使用）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="208"/>
        <source>Visitors and leads per hour, today</source>
        <translation>今天每小时的访客和联络资料</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="211"/>
        <source>Eligibility check results</source>
        <translation>资格测试结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="213"/>
        <source>Likely eligible</source>
        <translation>很可能符合资格</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="214"/>
        <source>Eligible with conditions</source>
        <translation>符合条件后可参加</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="215"/>
        <source>Not eligible</source>
        <translation>不符合资格</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="216"/>
        <source>Local student</source>
        <translation>本地学生</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="217"/>
        <source>Talk to staff</source>
        <translation>需向职员查询</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="219"/>
        <source>Most viewed sectors</source>
        <translation>最多人浏览的行业</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="221"/>
        <source>Most viewed programmes</source>
        <translation>最多人浏览的课程</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="223"/>
        <source>Visitors who left contact details</source>
        <translation>留下联络资料的访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="224"/>
        <source>Left contact details</source>
        <translation>留下联络资料</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="225"/>
        <source>Did not</source>
        <translation>没有留下</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="226"/>
        <source>No data yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="258"/>
        <source>%1 · %2 · %3 to %4</source>
        <translation>%1 · %2 · %3 至 %4</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="264"/>
        <source>No event set up yet: tap Event set-up before the doors open.</source>
        <translation>尚未设置活动：请在开场前点按「活动设置」。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="266"/>
        <source>Kiosk id: %1</source>
        <translation>资讯机编号：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="271"/>
        <source>Remove them</source>
        <translation>删除这些资料</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="272"/>
        <source>Exit to the desktop</source>
        <translation>退出到桌面</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="278"/>
        <source>Printer: ready</source>
        <translation>打印机：就绪</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="279"/>
        <source>Printer: none found. Check the cable and power.</source>
        <translation>打印机：未找到。请检查连接线和电源。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="280"/>
        <source>Printer: not ready (paper, toner or a jam?)</source>
        <translation>打印机：未就绪（纸张、碳粉或卡纸？）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="281"/>
        <source>Printer: not ready</source>
        <translation>打印机：未就绪</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="290"/>
        <source>Not yet at HQ: %n lead(s).</source>
        <translation>
            <numerusform>未送达总部：%n 条联络资料。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="294"/>
        <source>%n of them, from before the kiosk last started, need the staff passphrase.</source>
        <translation>
            <numerusform>其中 %n 条是资讯机上次启动前留下的，需要输入职员密码短语。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="300"/>
        <source>HQ rejected %n lead(s):</source>
        <translation>
            <numerusform>总部拒收 %n 条联络资料：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="315"/>
        <source>No sync address is set: add HQ&apos;s address and token in Settings.</source>
        <translation>尚未设置同步地址：请在“设置”中填写总部的地址和令牌。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="330"/>
        <source>No attempt yet.</source>
        <translation>尚未同步过。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="333"/>
        <source>Last sync %1: %n lead(s) sent, all at HQ.</source>
        <translation>
            <numerusform>上次同步 %1：已发送 %n 条联络资料，全部已送达总部。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="335"/>
        <source>Last attempt %1 failed: %2</source>
        <translation>上次同步 %1 失败：%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="339"/>
        <source>Trying again within %n second(s).</source>
        <translation>
            <numerusform>将在 %n 秒内重试。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="357"/>
        <source>The staff passphrase is not right.</source>
        <translation>职员密码短语不正确。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="362"/>
        <source>Sending to HQ…</source>
        <translation>正在发送到总部…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="370"/>
        <source>%n lead(s) confirmed by HQ are older than %1 months, the period visitors were told.</source>
        <translation>
            <numerusform>有 %n 条总部已确认的联络资料超过 %1 个月（即告知访客的保存期）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="389"/>
        <source>Tap again to remove them</source>
        <translation>再按一次以删除</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="396"/>
        <source>%n lead(s) removed.</source>
        <translation>
            <numerusform>已删除 %n 条联络资料。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="399"/>
        <source>Tap again to exit</source>
        <translation>再按一次以退出</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="424"/>
        <source>Test page printed.</source>
        <translation>测试页已打印。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="416"/>
        <source>The test page failed.</source>
        <translation>测试页打印失败。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_panel.py" line="419"/>
        <source>Printing a test page…</source>
        <translation>正在打印测试页…</translation>
    </message>
</context>
<context>
    <name>StaffPinScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/staff_pin.py" line="57"/>
        <source>Staff mode</source>
        <translation>职员模式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_pin.py" line="58"/>
        <source>Enter the staff PIN</source>
        <translation>请输入职员PIN码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_pin.py" line="59"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/staff_pin.py" line="93"/>
        <source>Wrong PIN. %n more tries before the pad locks.</source>
        <translation>
            <numerusform>PIN码错误。再错 %n 次将会锁定。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_pin.py" line="110"/>
        <source>Too many wrong PINs. The pad opens again in %1.</source>
        <translation>错误次数过多。%1 后可再输入。</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/staff_base.py" line="88"/>
        <source>Staff panel</source>
        <translation>职员面板</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_base.py" line="89"/>
        <source>Leave staff mode</source>
        <translation>离开职员模式</translation>
    </message>
</context>
<context>
    <name>StaffSettingsScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="68"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="69"/>
        <source>Visitors</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="70"/>
        <source>Booth network (summaries by QR code)</source>
        <translation>展位网络（以二维码取得摘要）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="71"/>
        <source>Sync with the admissions office</source>
        <translation>与招生处同步</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="73"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="76"/>
        <source>Start over for the next visitor after this long untouched</source>
        <translation>无人操作多久后为下一位访客重新开始</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="77"/>
        <source>Language for each new visitor</source>
        <translation>每位新访客的语言</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="78"/>
        <source>This kiosk&apos;s address on the booth network (empty: none)</source>
        <translation>本机在展位网络上的地址（留空：没有）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="79"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="80"/>
        <source>Booth Wi-Fi name (a second QR code joins it)</source>
        <translation>展位 Wi-Fi 名称（另一个二维码可连接）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="81"/>
        <source>Booth Wi-Fi password</source>
        <translation>展位 Wi-Fi 密码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="82"/>
        <source>Sync address (https://…)</source>
        <translation>同步地址（https://…）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="83"/>
        <source>Sync token from HQ</source>
        <translation>总部提供的同步令牌</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="86"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="102"/>
        <source>The port is a number between 1024 and 65535.</source>
        <translation>端口须为 1024 至 65535 之间的数字。</translation>
    </message>
    <message>
        <source>Links on summaries and screens (the leaflet&apos;s QR codes)</source>
        <translation>摘要及屏幕上的链接（单张上的二维码）</translation>
    </message>
    <message>
        <source>Not shown until you enter its address (https://…)</source>
        <translation>输入网址（https://…）后才会显示</translation>
    </message>
</context>
<context>
    <name>StaffSetupScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="74"/>
        <source>Set up this kiosk for booth staff</source>
        <translation>为展位职员设置本资讯机</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="77"/>
        <source>Before visitors use this kiosk, booth staff choose a PIN and a passphrase. Tell them only to the staff of this booth.</source>
        <translation>访客使用本资讯机前，展位职员须设定PIN码和密码短语，只告诉本展位的职员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="81"/>
        <source>Staff PIN</source>
        <translation>职员PIN码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="84"/>
        <source>6 to 12 digits. It opens staff mode: hold a finger on the top-left corner of the screen for 3 seconds. Five wrong PINs lock the pad for a while.</source>
        <translation>6至12位数字，用于进入职员模式：用手指按住屏幕左上角3秒。输错5次会暂时锁定。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="88"/>
        <source>New PIN</source>
        <translation>新PIN码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="89"/>
        <source>The same PIN again</source>
        <translation>再输入一次PIN码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="90"/>
        <source>Staff passphrase</source>
        <translation>职员密码短语</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="93"/>
        <source>At least %1 characters. Visitors&apos; contact details are stored encrypted; only this passphrase opens them, for exports. If it is lost, leads not yet exported or synced cannot be read by anyone.</source>
        <translation>最少 %1 个字符。访客的联络资料会加密保存，只有此密码短语能打开（用于导出）。若遗失密码短语，尚未导出或同步的资料将无人能读取。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="98"/>
        <source>New passphrase</source>
        <translation>新密码短语</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="99"/>
        <source>The same passphrase again</source>
        <translation>再输入一次密码短语</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="100"/>
        <source>Save and open the staff panel</source>
        <translation>保存并打开职员面板</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="121"/>
        <source>The PIN needs 6 to 12 digits, and not one digit repeated or a run such as 123456.</source>
        <translation>PIN码须为6至12位数字，不可全是同一数字或如123456的顺序数字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="125"/>
        <source>The two PINs are not the same.</source>
        <translation>两次输入的PIN码不相同。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="128"/>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>密码短语最少需要 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_setup.py" line="132"/>
        <source>The two passphrases are not the same.</source>
        <translation>两次输入的密码短语不相同。</translation>
    </message>
</context>
<context>
    <name>SummaryScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/summary.py" line="357"/>
        <source>Leave your contact for a reply</source>
        <translation>留下联络资料，我们会回复你</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/summary.py" line="374"/>
        <source>VTC&apos;s VPAS page</source>
        <translation type="vanished">职业训练局VPAS网页</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/summary.py" line="371"/>
        <source>Booth Wi-Fi: %1</source>
        <translation>展位Wi-Fi：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/summary.py" line="365"/>
        <source>Scan with your phone camera. The download works for %n minute(s), without the internet.</source>
        <translation>
            <numerusform>用手机相机扫码。下载链接在%n分钟内有效，毋须连接互联网。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/summary.py" line="362"/>
        <source>Download your summary</source>
        <translation>下载你的摘要</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/summary.py" line="359"/>
        <source>1. Join the booth Wi-Fi</source>
        <translation>1. 连接展位Wi-Fi</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/summary.py" line="377"/>
        <source>This kiosk is not on a booth network, so it cannot send the PDF to your phone. Scan to open VTC&apos;s VPAS page with your programmes, or print your summary.</source>
        <translation type="vanished">本机未连接展位网络，无法把PDF发送到你的手机。请扫码打开职业训练局的VPAS网页查看课程，或打印你的摘要。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/summary.py" line="356"/>
        <source>Take it on your phone</source>
        <translation>用手机带走</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/summary.py" line="353"/>
        <source>%n page(s), A4: what you see is what prints.</source>
        <translation>
            <numerusform>共%n页A4：打印出来的和你看到的一样。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/summary.py" line="349"/>
        <source>Print my summary</source>
        <translation>打印我的摘要</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/summary.py" line="331"/>
        <source>Printing did not work. Scan the QR code below to take your summary on your phone, or ask our staff.</source>
        <translation>打印未能完成。请扫描下方二维码，用手机带走你的摘要，或向工作人员查询。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/summary.py" line="327"/>
        <source>The printer is offline. Scan the QR code below to take your summary on your phone, or ask our staff.</source>
        <translation>打印机未能连线。请扫描下方二维码，用手机带走你的摘要，或向工作人员查询。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/summary.py" line="322"/>
        <source>There is no printer at this kiosk. Scan the QR code below to take your summary on your phone.</source>
        <translation>本机没有连接打印机。请扫描下方二维码，用手机带走你的摘要。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/summary.py" line="318"/>
        <source>Printed. Please take your summary from the printer.</source>
        <translation>已打印，请从打印机取走你的摘要。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/summary.py" line="315"/>
        <source>Printing page %1 of %2…</source>
        <translation>正在打印第%1页，共%2页…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/summary.py" line="312"/>
        <source>Sending your summary to the printer…</source>
        <translation>正在把你的摘要发送到打印机…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/summary.py" line="226"/>
        <source>Your summary could not be made. Please ask our staff at the booth.</source>
        <translation>未能制作你的摘要，请向展位工作人员查询。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/summary.py" line="193"/>
        <source>Preparing your summary…</source>
        <translation>正在准备你的摘要…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/summary.py" line="170"/>
        <location filename="../../kiosk/ui/screens/summary.py" line="348"/>
        <source>My summary</source>
        <translation>我的摘要</translation>
    </message>
    <message>
        <source>This kiosk is not on a booth network, so it cannot send your summary to your phone: please print it. The code opens the Immigration Department&apos;s VPAS page.</source>
        <translation>本机未连接展位网络，无法把摘要发送到你的手机，请打印带走。二维码打开香港入境事务处的VPAS网页。</translation>
    </message>
    <message>
        <source>There is no printer at this kiosk, and it cannot send your summary to a phone here. Please ask our staff.</source>
        <translation>本机没有连接打印机，也无法把摘要发送到手机。请向工作人员查询。</translation>
    </message>
    <message>
        <source>The printer is offline. Please ask our staff.</source>
        <translation>打印机未能连线，请向工作人员查询。</translation>
    </message>
    <message>
        <source>Printing did not work. Please ask our staff.</source>
        <translation>打印未能完成，请向工作人员查询。</translation>
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
</TS>
