<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About ZGC Forum Guide</source>
        <translation>关于中关村论坛指南</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Content pack</source>
        <translation>内容包</translation>
    </message>
    <message>
        <source>none: a programme staff opened from a file</source>
        <translation>无：工作人员从文件打开的日程</translation>
    </message>
    <message>
        <source>none: the content shipped with the program</source>
        <translation>无：程序自带的内容</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签名者</translation>
    </message>
    <message>
        <source>Licences of the software in this program:</source>
        <translation>本程序所含软件的许可证：</translation>
    </message>
    <message>
        <source>This copy was not installed from a package, so it has no list of bundled software. Installers include THIRD-PARTY-NOTICES.txt.</source>
        <translation>此副本不是从安装包安装的，因此没有所含软件的清单。安装包中包含 THIRD-PARTY-NOTICES.txt。</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>AnnouncementsPage</name>
    <message>
        <source>News</source>
        <translation>新闻公告</translation>
    </message>
    <message>
        <source>News from the forum, as reported</source>
        <translation>论坛新闻报道</translation>
    </message>
</context>
<context>
    <name>BookmarksPage</name>
    <message>
        <source>Bookmarks</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>%1 bookmarked</source>
        <translation>已收藏 %1 项</translation>
    </message>
    <message>
        <source>%1 clashes to check</source>
        <translation>%1 处时间冲突需核对</translation>
    </message>
    <message>
        <source>1 clash to check</source>
        <translation>1 处时间冲突需核对</translation>
    </message>
    <message>
        <source>By kind</source>
        <translation>按类型</translation>
    </message>
    <message>
        <source>My day</source>
        <translation>我的日程</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>撤销 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>二维码</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>全部清除</translation>
    </message>
    <message>
        <source>None of your bookmarks is a forum with a date yet.</source>
        <translation>收藏中还没有带日期的论坛。</translation>
    </message>
    <message>
        <source>No bookmarks yet. Press the star on anything in the guide (forums, announcements, photos, people and more) to keep it here.</source>
        <translation>还没有收藏。点击指南中任一条目（论坛、公告、图片、人物等）上的星标即可收藏到这里。</translation>
    </message>
    <message>
        <source>Clear all bookmarks?</source>
        <translation>清除全部收藏？</translation>
    </message>
    <message>
        <source>Remove all %1 bookmarks? You can undo this with the Undo button.</source>
        <translation>删除全部 %1 项收藏？可以用“撤销”按钮恢复。</translation>
    </message>
    <message>
        <source>%1 · My bookmarks</source>
        <translation>%1 · 我的收藏</translation>
    </message>
    <message>
        <source>time TBA</source>
        <translation>时间待定</translation>
    </message>
    <message>
        <source> (no longer in the guide)</source>
        <translation>（已不在指南中）</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>日历 (*.ics)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Export bookmarks</source>
        <translation>导出收藏</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>%1 bookmark(s) are not in the calendar: it holds only forums and sessions still in the guide. Export JSON or CSV to keep them all.</source>
        <translation>有 %1 项收藏未写入日历：日历只收录仍在指南中的论坛和场次。如需全部保留，请导出 JSON 或 CSV。</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <source>%1 is a folder. Name a file inside it.</source>
        <translation>%1 是一个文件夹。请在其中指定一个文件名。</translation>
    </message>
    <message>
        <source>There is no room for a file this size on that disk.</source>
        <translation>该磁盘放不下这么大的文件。</translation>
    </message>
    <message>
        <source>A file stands where %1 needs a folder. Choose another place.</source>
        <translation>%1 的路径中有一处应为文件夹，却是一个文件。请选择其他位置。</translation>
    </message>
    <message>
        <source>That disk or folder is read-only. Save the file somewhere else.</source>
        <translation>该磁盘或文件夹是只读的。请将文件保存到其他位置。</translation>
    </message>
    <message>
        <source>This guide may not write there. Choose another folder.</source>
        <translation>本指南无权写入该位置。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>The file name is too long. Choose a shorter one.</source>
        <translation>文件名太长。请换一个短一些的名称。</translation>
    </message>
    <message>
        <source>Nothing was written to %1.</source>
        <translation>未写入 %1。</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <source>%1 seconds left</source>
        <translation>还剩 %1 秒</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>您还在吗？</translation>
    </message>
    <message>
        <source>Touch anywhere to continue.</source>
        <translation>触摸屏幕任意位置继续浏览。</translation>
    </message>
    <message>
        <source>Otherwise the guide starts over for the next visitor and forgets your search and bookmarks.</source>
        <translation>否则指南将为下一位观众重新开始，并清除您的搜索和收藏。</translation>
    </message>
</context>
<context>
    <name>DetailPage</name>
    <message>
        <source>Details of %1</source>
        <translation>%1 详情</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>图片</translation>
    </message>
</context>
<context>
    <name>ExhibitionPage</name>
    <message>
        <source>Exhibition</source>
        <translation>展览</translation>
    </message>
    <message>
        <source>Exhibition areas and technology fields on show</source>
        <translation>展区与展出的技术领域</translation>
    </message>
    <message>
        <source>Exhibition areas</source>
        <translation>展区</translation>
    </message>
    <message>
        <source>This guide lists no exhibition areas.</source>
        <translation>本指南未列出展区。</translation>
    </message>
</context>
<context>
    <name>FiguresPage</name>
    <message>
        <source>Key figures</source>
        <translation>关键数据</translation>
    </message>
    <message>
        <source>The numbers reported at the forum, with their sources</source>
        <translation>论坛发布的数据及其出处</translation>
    </message>
    <message>
        <source>All figures</source>
        <translation>全部数据</translation>
    </message>
</context>
<context>
    <name>ForumsPage</name>
    <message>
        <source>Forums</source>
        <translation>论坛日程</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Filter by kind</source>
        <translation>按类型筛选</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Forum days</source>
        <translation>论坛日期</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>No forums of this kind on this day.</source>
        <translation>当天没有此类型的论坛。</translation>
    </message>
    <message>
        <source>No forums on this day.</source>
        <translation>当天没有论坛活动。</translation>
    </message>
    <message>
        <source>The exhibition is open: %1</source>
        <translation>展览开放中：%1</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Forums: %1</source>
        <translation>论坛：%1</translation>
    </message>
    <message>
        <source>Forum dates not announced</source>
        <translation>论坛日期未公布</translation>
    </message>
    <message>
        <source>Dates not announced</source>
        <translation>日期未公布</translation>
    </message>
    <message>
        <source>Exhibition: %1</source>
        <translation>展览：%1</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>现在：%1</translation>
    </message>
    <message>
        <source>Latest news</source>
        <translation>最新公告</translation>
    </message>
    <message>
        <source>No news yet.</source>
        <translation>暂无新闻公告。</translation>
    </message>
    <message>
        <source>Today · %1</source>
        <translation>今天 · %1</translation>
    </message>
    <message>
        <source>On now · %1</source>
        <translation>正在进行 · %1</translation>
    </message>
    <message>
        <source>The forum opens tomorrow · %1</source>
        <translation>论坛明天开幕 · %1</translation>
    </message>
    <message>
        <source>The forum opens · %1</source>
        <translation>论坛开幕 · %1</translation>
    </message>
    <message>
        <source>The event opens tomorrow · %1</source>
        <translation>活动明天开始 · %1</translation>
    </message>
    <message>
        <source>The event opens · %1</source>
        <translation>活动开始 · %1</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>接下来</translation>
    </message>
    <message>
        <source>Later today</source>
        <translation>今天稍后</translation>
    </message>
    <message>
        <source>Next · %1</source>
        <translation>接下来 · %1</translation>
    </message>
    <message>
        <source>The event has ended. &lt;a href=&quot;%1&quot;&gt;Browse its programme&lt;/a&gt;.</source>
        <translation>活动已结束。&lt;a href=&quot;%1&quot;&gt;浏览日程&lt;/a&gt;。</translation>
    </message>
    <message>
        <source>The exhibition is open today: %1</source>
        <translation>今日展览开放：%1</translation>
    </message>
    <message>
        <source>The forum has ended. Browse what happened below.</source>
        <translation>论坛已结束，可在下方浏览论坛内容。</translation>
    </message>
    <message>
        <source>Nothing is on right now.</source>
        <translation>此刻没有正在进行的日程。</translation>
    </message>
    <message>
        <source>No forums today.</source>
        <translation>今天没有论坛活动。</translation>
    </message>
    <message>
        <source>No sessions today.</source>
        <translation>今天没有场次。</translation>
    </message>
    <message>
        <source>Nothing more is scheduled.</source>
        <translation>没有更多安排。</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>关键数据</translation>
    </message>
</context>
<context>
    <name>KioskAttract</name>
    <message>
        <source>Touch the screen to start</source>
        <translation>触摸屏幕开始</translation>
    </message>
    <message>
        <source>Photos from the forum</source>
        <translation>论坛现场图片</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Coming up</source>
        <translation>接下来</translation>
    </message>
    <message>
        <source>On now</source>
        <translation>正在进行</translation>
    </message>
    <message>
        <source>Later today</source>
        <translation>今天稍后</translation>
    </message>
    <message>
        <source>Forums</source>
        <translation>论坛日程</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>关键数据</translation>
    </message>
    <message>
        <source>Time not announced</source>
        <translation>时间未公布</translation>
    </message>
    <message>
        <source>+ %1 more</source>
        <translation>另有 %1 场</translation>
    </message>
    <message>
        <source>The forum has ended</source>
        <translation>论坛已结束</translation>
    </message>
    <message>
        <source>The event has ended</source>
        <translation>活动已结束</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 Guide</source>
        <translation>%1指南</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>指南</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>栏目</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <source>Tap a place to open it: %1</source>
        <translation>点按一处即可打开：%1</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Whole plan</source>
        <translation>全图</translation>
    </message>
    <message>
        <source>Floor plan</source>
        <translation>平面图</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>On-screen keyboard</source>
        <translation>屏幕键盘</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>退格</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photo viewer</source>
        <translation>图片查看器</translation>
    </message>
    <message>
        <source>Left and right arrows step through the photos; Esc closes.</source>
        <translation>左右方向键切换图片，Esc 关闭。</translation>
    </message>
    <message>
        <source>Close photo</source>
        <translation>关闭图片</translation>
    </message>
    <message>
        <source>Previous photo</source>
        <translation>上一张</translation>
    </message>
    <message>
        <source>Next photo</source>
        <translation>下一张</translation>
    </message>
    <message>
        <source>Photo credit: %1</source>
        <translation>图片署名：%1</translation>
    </message>
    <message>
        <source>Photo %1 of %2</source>
        <translation>第 %1 张，共 %2 张</translation>
    </message>
    <message>
        <source>Shows</source>
        <translation>拍摄地点</translation>
    </message>
</context>
<context>
    <name>PhotosPage</name>
    <message>
        <source>Photos</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Pictures from the exhibition, with their captions</source>
        <translation>展会现场图片及说明</translation>
    </message>
    <message>
        <source>Captions of the photos from the exhibition; the pictures are not in this guide</source>
        <translation>展会照片的图片说明；本指南不含图片本身</translation>
    </message>
    <message>
        <source>Photo gallery</source>
        <translation>图片库</translation>
    </message>
    <message>
        <source>This guide has no photos.</source>
        <translation>本指南没有图片。</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff exit</source>
        <translation>工作人员退出</translation>
    </message>
    <message>
        <source>Enter the staff PIN to leave kiosk mode.</source>
        <translation>输入工作人员密码，退出自助终端模式。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>删除最后一位</translation>
    </message>
    <message>
        <source>%1 digits entered</source>
        <translation>已输入 %1 位</translation>
    </message>
    <message>
        <source>No staff PIN is set.</source>
        <translation>尚未设置工作人员密码。</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again in %1 s.</source>
        <translation>密码错误，请在 %1 秒后重试。</translation>
    </message>
</context>
<context>
    <name>PlaceOnMap</name>
    <message>
        <source>Finding it</source>
        <translation>怎么走</translation>
    </message>
    <message>
        <source>Ask at the information desk for directions.</source>
        <translation>请到服务台问路。</translation>
    </message>
    <message>
        <source>On the map</source>
        <translation>在地图上</translation>
    </message>
    <message>
        <source>Tap the plan to open the map.</source>
        <translation>点按平面图可打开地图。</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <source>%1. Enter opens it.</source>
        <translation>%1。按回车键打开。</translation>
    </message>
    <message>
        <source>Enter opens it.</source>
        <translation>按回车键打开。</translation>
    </message>
</context>
<context>
    <name>QrDialog</name>
    <message>
        <source>Nothing bookmarked yet.</source>
        <translation>还没有收藏。</translation>
    </message>
    <message>
        <source>Your list is too long for one code: scan all %1 codes in turn.</source>
        <translation>收藏较多，一个二维码放不下：请依次扫描全部 %1 个二维码。</translation>
    </message>
    <message>
        <source> Some long titles are shortened.</source>
        <translation>部分较长的标题已缩短。</translation>
    </message>
    <message>
        <source>Some long titles are shortened to fit the code.</source>
        <translation>部分较长的标题已缩短，以便放进二维码。</translation>
    </message>
    <message>
        <source>Scan with your phone&apos;s camera to take your list with you.</source>
        <translation>用手机相机扫描，即可带走您的收藏清单。</translation>
    </message>
    <message>
        <source>Previous code</source>
        <translation>上一个二维码</translation>
    </message>
    <message>
        <source>Next code</source>
        <translation>下一个二维码</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Take your bookmarks with you</source>
        <translation>带走您的收藏</translation>
    </message>
    <message>
        <source>QR code %1 of %2</source>
        <translation>第 %1 个二维码，共 %2 个</translation>
    </message>
</context>
<context>
    <name>RoomPager</name>
    <message>
        <source>Show the previous rooms</source>
        <translation>显示前面的会场</translation>
    </message>
    <message>
        <source>%1 more rooms to the left</source>
        <translation>左侧还有 %1 个会场</translation>
    </message>
    <message>
        <source>Show the next rooms</source>
        <translation>显示后面的会场</translation>
    </message>
    <message>
        <source>%1 more rooms to the right</source>
        <translation>右侧还有 %1 个会场</translation>
    </message>
</context>
<context>
    <name>RoomsPage</name>
    <message>
        <source>Rooms</source>
        <translation>会场</translation>
    </message>
    <message>
        <source>Where the sessions are, what is on now and what comes next</source>
        <translation>各会场的场次：正在进行与即将开始</translation>
    </message>
    <message>
        <source>This guide lists no rooms. A forum&apos;s page says where it is held.</source>
        <translation>本指南未列出会场。论坛页面会说明其举办地点。</translation>
    </message>
    <message>
        <source>This guide lists no rooms, and no forum&apos;s venue has been announced.</source>
        <translation>本指南未列出会场，各论坛的举办地点也尚未公布。</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>No results</source>
        <translation>没有结果</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>%1 shown, best first, grouped by kind</source>
        <translation>显示 %1 条，按相关度排序并按类型分组</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Type Chinese, pinyin or English. Or start with one of these:</source>
        <translation>输入中文、拼音或英文，或从以下主题开始：</translation>
    </message>
    <message>
        <source>Type Chinese, pinyin or English.</source>
        <translation>输入中文、拼音或英文。</translation>
    </message>
    <message>
        <source>Nothing found for “%1”. Try another spelling or a shorter word.</source>
        <translation>没有找到“%1”。可换一种写法或更短的词。</translation>
    </message>
    <message>
        <source>Nothing found for “%1”. Try pinyin (%2), English (%3) or a shorter word.</source>
        <translation>没有找到“%1”。可试试拼音（%2）、英文（%3）或更短的词。</translation>
    </message>
    <message>
        <source>No results for “%1”. Showing results for “%2”.</source>
        <translation>没有找到“%1”。以下是“%2”的结果。</translation>
    </message>
</context>
<context>
    <name>TimetablePanel</name>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom in: hours taller</source>
        <translation>放大：每小时更高</translation>
    </message>
    <message>
        <source>Zoom out: hours shorter</source>
        <translation>缩小：每小时更矮</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Scroll to the current time</source>
        <translation>滚动到当前时间</translation>
    </message>
    <message>
        <source>Timetable</source>
        <translation>时间表</translation>
    </message>
    <message>
        <source>Sessions without a time</source>
        <translation>未定时间的场次</translation>
    </message>
    <message>
        <source>Sessions: %1 · Room %2 of %4.</source>
        <translation>场次：%1 · 会场：第%2个，共%4个。</translation>
    </message>
    <message>
        <source>Sessions: %1 · Rooms %2–%3 of %4.</source>
        <translation>场次：%1 · 会场：第%2–%3个，共%4个。</translation>
    </message>
    <message>
        <source>No times announced: no timetable to draw</source>
        <translation>尚未公布时间，无法排出时间表</translation>
    </message>
    <message>
        <source>Time not announced (%1)</source>
        <translation>时间未公布（%1）</translation>
    </message>
    <message>
        <source>Sessions: %1 · Rooms: %2.</source>
        <translation>场次：%1 · 会场：%2。</translation>
    </message>
    <message>
        <source>Arrow keys move between sessions, Enter opens one.</source>
        <translation>方向键在场次之间移动，回车键打开场次。</translation>
    </message>
</context>
<context>
    <name>Toolbar</name>
    <message>
        <source>Clear search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>后退 (Alt+←)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Forward (Alt+Right)</source>
        <translation>前进 (Alt+→)</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <source>Search: 中文, pinyin or English</source>
        <translation>搜索：中文、拼音或英文</translation>
    </message>
    <message>
        <source>Search (Ctrl+F or /)</source>
        <translation>搜索（Ctrl+F 或 /）</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Staff: content updates</source>
        <translation>工作人员：内容更新</translation>
    </message>
    <message>
        <source>Staff menu</source>
        <translation>工作人员菜单</translation>
    </message>
    <message>
        <source>Text size and contrast (Ctrl+ / Ctrl-)</source>
        <translation>文字大小与对比度 (Ctrl+ / Ctrl-)</translation>
    </message>
    <message>
        <source>Text size and contrast</source>
        <translation>文字大小与对比度</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <source>Switch language</source>
        <translation>切换语言</translation>
    </message>
</context>
<context>
    <name>TracksPage</name>
    <message>
        <source>Tracks</source>
        <translation>专题</translation>
    </message>
    <message>
        <source>The programme&apos;s themes and their sessions</source>
        <translation>日程的专题及其场次</translation>
    </message>
    <message>
        <source>This guide lists no tracks.</source>
        <translation>本指南未列出专题。</translation>
    </message>
</context>
<context>
    <name>ViewToggle</name>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Timetable</source>
        <translation>时间表</translation>
    </message>
    <message>
        <source>Show the day as a list</source>
        <translation>以列表显示当天日程</translation>
    </message>
    <message>
        <source>Show the day as a timetable of rooms and times</source>
        <translation>以会场和时间的时间表显示当天日程</translation>
    </message>
</context>
<context>
    <name>tx</name>
    <message>
        <source>Time not announced</source>
        <translation>时间未公布</translation>
    </message>
    <message>
        <source>Picture not available</source>
        <translation>暂无图片</translation>
    </message>
    <message>
        <source>Exhibition</source>
        <translation>展览</translation>
    </message>
    <message>
        <source>Exhibition area</source>
        <translation>展区</translation>
    </message>
    <message>
        <source>Technology field</source>
        <translation>技术领域</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Forums</source>
        <translation>论坛日程</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>会场</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>专题</translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation>已收藏</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>Add or remove this item from your bookmarks (Ctrl+D)</source>
        <translation>收藏或取消收藏此项 (Ctrl+D)</translation>
    </message>
    <message>
        <source>Forum</source>
        <translation>论坛</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>会场</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>专题</translation>
    </message>
    <message>
        <source>News</source>
        <translation>新闻公告</translation>
    </message>
    <message>
        <source>Hide the Chinese original</source>
        <translation>隐藏中文原文</translation>
    </message>
    <message>
        <source>Show the Chinese original</source>
        <translation>显示中文原文</translation>
    </message>
    <message>
        <source>Translated from the Chinese report.</source>
        <translation>译自中文报道。</translation>
    </message>
    <message>
        <source>Chinese original</source>
        <translation>中文原文</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>详细介绍</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Organisers, speakers etc.</source>
        <translation>主办、嘉宾等</translation>
    </message>
    <message>
        <source>Subheading, byline</source>
        <translation>副题、署名</translation>
    </message>
    <message>
        <source>Photographer, area</source>
        <translation>摄影、展区</translation>
    </message>
    <message>
        <source>Short name, parent organisation</source>
        <translation>简称、上级单位</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报道</translation>
    </message>
    <message>
        <source>Full text</source>
        <translation>全文</translation>
    </message>
    <message>
        <source>Venue not announced</source>
        <translation>地点未公布</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>所属</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>参会情况</translation>
    </message>
    <message>
        <source>Organisers</source>
        <translation>组织机构</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>发言嘉宾</translation>
    </message>
    <message>
        <source>Launched here</source>
        <translation>发布内容</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>关键数据</translation>
    </message>
    <message>
        <source>Reported in</source>
        <translation>相关报道</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报道</translation>
    </message>
    <message>
        <source>Photos taken</source>
        <translation>拍摄的图片</translation>
    </message>
    <message>
        <source>Mentioned in</source>
        <translation>提及于</translation>
    </message>
    <message>
        <source>Also called %1</source>
        <translation>又称%1</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>下属单位</translation>
    </message>
    <message>
        <source>Areas and fields</source>
        <translation>展区与领域</translation>
    </message>
    <message>
        <source>Reporting on %1</source>
        <translation>活动日期：%1</translation>
    </message>
    <message>
        <source>In this article</source>
        <translation>本文提及</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出处</translation>
    </message>
    <message>
        <source>No longer in the guide</source>
        <translation>已不在指南中</translation>
    </message>
    <message>
        <source>Clashes with %1</source>
        <translation>与 %1 时间冲突</translation>
    </message>
    <message>
        <source>Check times: no time is announced yet, so it may clash with another bookmark that day</source>
        <translation>请核对时间：本项尚未公布时间，可能与当天另一项收藏冲突</translation>
    </message>
    <message>
        <source>Check times: another bookmark that day has no time yet</source>
        <translation>请核对时间：当天另一项收藏尚未公布时间</translation>
    </message>
    <message>
        <source>Other bookmarks</source>
        <translation>其他收藏</translation>
    </message>
    <message>
        <source>Your saved bookmarks file was damaged and has been replaced; %1 bookmark(s) could be recovered. The damaged file is kept at %2.</source>
        <translation>收藏数据文件已损坏，已新建文件；恢复了 %1 条收藏。损坏的文件保存在 %2。</translation>
    </message>
    <message>
        <source>Content damaged</source>
        <translation>内容已损坏</translation>
    </message>
    <message>
        <source>About ZGC Forum Guide...</source>
        <translation>关于中关村论坛指南…</translation>
    </message>
    <message>
        <source>The content database %1 is damaged; the previous content (%2) is shown instead. Open the programme file again with &quot;Open programme...&quot; in the staff menu.</source>
        <translation>内容数据库 %1 已损坏，现显示之前的内容（%2）。请在工作人员菜单中用“打开日程文件…”重新打开日程文件。</translation>
    </message>
    <message>
        <source>The content database %1 is damaged; the previous content (%2) is shown instead. Install the content pack again.</source>
        <translation>内容数据库已损坏（%1），本机改用上一版内容（%2）。请重新安装内容包。</translation>
    </message>
    <message>
        <source>Bookmarks recovered</source>
        <translation>收藏已恢复</translation>
    </message>
    <message>
        <source>Bookmark not saved</source>
        <translation>收藏未保存</translation>
    </message>
    <message>
        <source>The guide cannot start.</source>
        <translation>本指南无法启动。</translation>
    </message>
    <message>
        <source>Bookmarks and settings need a place this account can write to, and the guide cannot write where they are.</source>
        <translation>收藏和设置需要保存在本账户可写入的位置，而指南无法写入它们所在之处。</translation>
    </message>
    <message>
        <source>No items are added, changed or removed.</source>
        <translation>没有新增、修改或删除的条目。</translation>
    </message>
    <message>
        <source>%1 added, %2 changed, %3 removed</source>
        <translation>新增 %1，修改 %2，删除 %3</translation>
    </message>
    <message>
        <source>Bookmarks of removed items stay, marked “no longer in the guide”.</source>
        <translation>已删除条目的收藏会保留，并标注“已不在指南中”。</translation>
    </message>
    <message>
        <source>Programme “%1” from the file %2, version %3.</source>
        <translation>日程“%1”，来自文件 %2，版本 %3。</translation>
    </message>
    <message>
        <source>Sessions: %1. Days: %2 (%3).</source>
        <translation>场次：%1。天数：%2（%3）。</translation>
    </message>
    <message>
        <source>Times are in %1, as the file says.</source>
        <translation>时间按文件所注的 %1 读取。</translation>
    </message>
    <message>
        <source>The file names no time zone: its times are read as %1, the zone of the content shown.</source>
        <translation>文件未注明时区：其时间按当前显示内容的时区 %1 读取。</translation>
    </message>
    <message>
        <source>The file names no time zone: its times are read as China time, %1, as the file is in Chinese; the content shown is in %2.</source>
        <translation>文件未注明时区：由于文件为中文，其时间按中国时间 %1 读取；当前显示的内容使用 %2。</translation>
    </message>
    <message>
        <source>This is other content, not an update of the content shown now (“%1”): loading it replaces that content. Bookmarks stay; “Restore previous content” goes back.</source>
        <translation>这是其他内容，而不是当前显示内容（“%1”）的更新：载入后将替换当前内容。收藏会保留；“恢复上一版内容”可以回到当前内容。</translation>
    </message>
    <message>
        <source>Please note (%1):</source>
        <translation>请注意（%1）：</translation>
    </message>
    <message>
        <source>Left out of the file (%1):</source>
        <translation>文件中未导入的场次（%1）：</translation>
    </message>
    <message>
        <source>Columns not read (%1):</source>
        <translation>未读取的列（%1）：</translation>
    </message>
    <message>
        <source>Repaired (%1):</source>
        <translation>已自动修正（%1）：</translation>
    </message>
    <message>
        <source>... and %1 more</source>
        <translation>……另有 %1 条</translation>
    </message>
    <message>
        <source>The update settings (updates.toml) have an error. Correct it:</source>
        <translation>更新设置（updates.toml）有错误，请更正：</translation>
    </message>
    <message>
        <source>This file cannot be read as a programme:</source>
        <translation>无法将此文件读取为日程：</translation>
    </message>
    <message>
        <source>The file is damaged or incomplete. Copy or download it again.</source>
        <translation>文件已损坏或不完整。请重新复制或下载。</translation>
    </message>
    <message>
        <source>This file is not a content pack (.guidepack). Open the .guidepack file from the content team; a schedule or spreadsheet opens with &quot;Open programme...&quot;.</source>
        <translation>此文件不是内容包（.guidepack）。请打开内容团队提供的 .guidepack 文件；日程或电子表格请用“打开日程文件…”打开。</translation>
    </message>
    <message>
        <source>The file does not exist (it was moved, renamed or deleted). Choose it again.</source>
        <translation>文件不存在（已被移动、重命名或删除）。请重新选择。</translation>
    </message>
    <message>
        <source>The content pack was changed after it was signed, or is damaged. Get it again from the content team.</source>
        <translation>内容包在签名后被改动过，或已损坏。请向内容团队重新获取。</translation>
    </message>
    <message>
        <source>The content pack is not signed by a key this guide trusts. Only packs signed by the content team&apos;s key (in updates.toml) are loaded.</source>
        <translation>此内容包未经本指南信任的密钥签名。只有经内容团队密钥（见 updates.toml）签名的内容包才会载入。</translation>
    </message>
    <message>
        <source>The file is larger than this guide accepts.</source>
        <translation>文件超出本指南可接受的大小。</translation>
    </message>
    <message>
        <source>This content pack is for other content than the guide shows.</source>
        <translation>此内容包属于其他内容，与本指南当前显示的内容不符。</translation>
    </message>
    <message>
        <source>This guide already has this version of the content, or a newer one.</source>
        <translation>本指南已有此版本或更新版本的内容。</translation>
    </message>
    <message>
        <source>The programme file has errors. Correct them in the file and open it again:</source>
        <translation>日程文件有错误。请在文件中更正后重新打开：</translation>
    </message>
    <message>
        <source>The content has errors; the content team must correct them:</source>
        <translation>内容有错误，需由内容团队更正：</translation>
    </message>
    <message>
        <source>The file could not be loaded.</source>
        <translation>无法载入此文件。</translation>
    </message>
    <message>
        <source>The same or a newer version of this content was loaded meanwhile.</source>
        <translation>在此期间已载入了相同或更新版本的内容。</translation>
    </message>
    <message>
        <source>There is no previous content to go back to.</source>
        <translation>没有可恢复的先前内容。</translation>
    </message>
    <message>
        <source>The guide already shows the content shipped with it.</source>
        <translation>指南当前显示的已是随附的内容。</translation>
    </message>
    <message>
        <source>The prepared content is gone; open the file again.</source>
        <translation>准备好的内容已不存在，请重新打开文件。</translation>
    </message>
    <message>
        <source>Back to the content shipped with the guide?</source>
        <translation>恢复为指南随附的内容？</translation>
    </message>
    <message>
        <source>Show the content shipped with the guide again? The content shown now can be brought back with “Restore previous content”. Bookmarks stay.</source>
        <translation>重新显示指南随附的内容？当前显示的内容可以用“恢复上一版内容”找回。收藏会保留。</translation>
    </message>
    <message>
        <source>The shipped content was not restored</source>
        <translation>未能恢复随附的内容</translation>
    </message>
    <message>
        <source>The disk is full. Free some space and try again.</source>
        <translation>磁盘已满。请释放一些空间后重试。</translation>
    </message>
    <message>
        <source>The new content could not be written: %1</source>
        <translation>无法写入新内容：%1</translation>
    </message>
    <message>
        <source>Nothing was changed: the guide shows the content it showed before, and bookmarks stay.</source>
        <translation>未作任何更改：指南仍显示原来的内容，收藏保持不变。</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Open content pack...</source>
        <translation>打开内容包…</translation>
    </message>
    <message>
        <source>Open programme...</source>
        <translation>打开日程文件…</translation>
    </message>
    <message>
        <source>Restore previous content</source>
        <translation>恢复上一版内容</translation>
    </message>
    <message>
        <source>Back to the content shipped with the guide...</source>
        <translation>恢复为指南随附的内容…</translation>
    </message>
    <message>
        <source>Open content pack</source>
        <translation>打开内容包</translation>
    </message>
    <message>
        <source>Content packs (*.guidepack)</source>
        <translation>内容包 (*.guidepack)</translation>
    </message>
    <message>
        <source>Open programme</source>
        <translation>打开日程文件</translation>
    </message>
    <message>
        <source>Programmes (frab, iCalendar, spreadsheets)</source>
        <translation>日程文件（frab、iCalendar、表格）</translation>
    </message>
    <message>
        <source>The previous content was not restored</source>
        <translation>未恢复先前内容</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Checking the content pack...</source>
        <translation>正在检查内容包…</translation>
    </message>
    <message>
        <source>Reading the programme...</source>
        <translation>正在读取日程…</translation>
    </message>
    <message>
        <source>Checking signature and files...</source>
        <translation>正在核对签名和文件…</translation>
    </message>
    <message>
        <source>Building the new content...</source>
        <translation>正在生成新内容…</translation>
    </message>
    <message>
        <source>Comparing with the content in use...</source>
        <translation>正在与当前内容比较…</translation>
    </message>
    <message>
        <source>Content pack %1, version %2, signed by %3.</source>
        <translation>内容包 %1，版本 %2，签名者 %3。</translation>
    </message>
    <message>
        <source>This is a content pack</source>
        <translation>这是一个内容包</translation>
    </message>
    <message>
        <source>%1 is a content pack (.guidepack), not a programme file. Content packs open with “Open content pack...”. Open it as a content pack now?</source>
        <translation>%1 是内容包（.guidepack），不是日程文件。内容包请用“打开内容包…”打开。现在将其作为内容包打开吗？</translation>
    </message>
    <message>
        <source>Load this content?</source>
        <translation>载入此内容？</translation>
    </message>
    <message>
        <source>Switch to other content?</source>
        <translation>切换到其他内容？</translation>
    </message>
    <message>
        <source>This programme was not loaded</source>
        <translation>未载入此日程</translation>
    </message>
    <message>
        <source>This content pack was not loaded</source>
        <translation>未载入此内容包</translation>
    </message>
    <message>
        <source>Restore previous content?</source>
        <translation>恢复上一版内容？</translation>
    </message>
    <message>
        <source>Show the content that was in use before the last update? Bookmarks stay.</source>
        <translation>显示上次更新前使用的内容？收藏不受影响。</translation>
    </message>
    <message>
        <source>Room not given</source>
        <translation>未注明会场</translation>
    </message>
    <message>
        <source>1 session</source>
        <translation>1场</translation>
    </message>
    <message>
        <source>%1 sessions</source>
        <translation>%1场</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>正在进行</translation>
    </message>
    <message>
        <source>Nothing on now</source>
        <translation>现在没有场次</translation>
    </message>
    <message>
        <source>Nothing more scheduled here</source>
        <translation>此处没有更多场次</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>接下来</translation>
    </message>
    <message>
        <source>the disk is full. Free some space and try again.</source>
        <translation>磁盘已满。请腾出空间后重试。</translation>
    </message>
    <message>
        <source>the disk or the bookmarks file is read-only.</source>
        <translation>磁盘或收藏文件为只读。</translation>
    </message>
    <message>
        <source>the bookmarks file could not be written (%1).</source>
        <translation>无法写入收藏文件（%1）。</translation>
    </message>
    <message>
        <source>Your bookmarks were not changed: %1 The bookmarks you have are kept.</source>
        <translation>收藏未作更改：%1已有的收藏都还在。</translation>
    </message>
</context>
</TS>
