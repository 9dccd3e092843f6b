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
    <message>
        <source>Tap once for one capital letter, twice for all capitals, again for small letters</source>
        <translation>点按一次输入一个大写字母，点按两次全部大写，再点按一次恢复小写</translation>
    </message>
    <message>
        <source>Caps lock</source>
        <translation>大写锁定</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>大写</translation>
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
        <source>The best %1 shown, grouped by kind</source>
        <translation>显示最相关的 %1 条，按类型分组</translation>
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
        <translation>文件中未导入的内容（%1）：</translation>
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
        <source>the file</source>
        <translation>该文件</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first}和{second}</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}、{rest}</translation>
    </message>
    <message>
        <source>{items} and {count} more</source>
        <translation>{items}，另有 {count} 项</translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation>{first}；{rest}</translation>
    </message>
    <message>
        <source>the sheet has no 编号 ID column, so each session is known by its title, date, start time and room: a visitor&apos;s bookmark on a session will not follow it to an update in which any of these was changed (it shows as no longer in the guide). Add a column headed 编号 (or ID) with a text of each session&apos;s own ({examples}) and keep it the same in every update, as the template&apos;s first column</source>
        <translation>表格没有“编号 ID”列，因此每个场次以其标题、日期、开始时间和会场来识别：如果更新中这些信息有任何改动，观众对该场次的收藏将无法随之对应（显示为“已不在指南中”）。请像模板的第一列那样，添加一个标题为“编号”（或 ID）的列，为每个场次填写各自的编号（{examples}），并在每次更新中保持不变</translation>
    </message>
    <message>
        <source>column {column}</source>
        <translation>{column} 列</translation>
    </message>
    <message>
        <source>sheet {sheet}, {where}</source>
        <translation>工作表 {sheet}，{where}</translation>
    </message>
    <message>
        <source>{file}: sheet {sheet}</source>
        <translation>{file}：工作表 {sheet}</translation>
    </message>
    <message>
        <source>{where}: columns {columns} each hold {field}; keep one of them (the others would be lost)</source>
        <translation>{where}：{columns} 列都是 {field}；请只保留其中一列（其余各列的内容会丢失）</translation>
    </message>
    <message>
        <source>&quot;{header}&quot; is not a column the guide reads; its cells were not loaded</source>
        <translation>“{header}”不是本指南读取的列；该列的单元格未载入</translation>
    </message>
    <message>
        <source>{where}: empty sheet; start from `guide import --template`</source>
        <translation>{where}：工作表为空；请从 `guide import --template` 生成的模板开始填写</translation>
    </message>
    <message>
        <source>{where}: row 1 lacks the column(s) {columns}; start from `guide import --template`</source>
        <translation>{where}：第 1 行缺少 {columns} 列；请从 `guide import --template` 生成的模板开始填写</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 text (a byte that cannot be read; Excel&apos;s plain CSV on Chinese Windows is GBK); in Excel use Save As &gt; CSV UTF-8 (Comma delimited) (*.csv), then import that file</source>
        <translation>{file} 不是 UTF-8 文本（有无法读取的字节；中文 Windows 上 Excel 保存的普通 CSV 是 GBK 编码）；请在 Excel 中选择“另存为 &gt; CSV UTF-8(逗号分隔)(*.csv)”，然后导入该文件</translation>
    </message>
    <message>
        <source>read as GBK it says {text!r}</source>
        <translation>按 GBK 读取为 {text!r}</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 text (it has NUL characters); in Excel use Save As &gt; CSV UTF-8 (Comma delimited) (*.csv), then import that file</source>
        <translation>{file} 不是 UTF-8 文本（其中含有 NUL 字符）；请在 Excel 中选择“另存为 &gt; CSV UTF-8(逗号分隔)(*.csv)”，然后导入该文件</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 text (row {row}, column {column} is the first cell that cannot be read; Excel&apos;s plain CSV on Chinese Windows is GBK); in Excel use Save As &gt; CSV UTF-8 (Comma delimited) (*.csv), then import that file</source>
        <translation>{file} 不是 UTF-8 文本（第一个无法读取的单元格在第 {row} 行 {column} 列；中文 Windows 上 Excel 保存的普通 CSV 是 GBK 编码）；请在 Excel 中选择“另存为 &gt; CSV UTF-8(逗号分隔)(*.csv)”，然后导入该文件</translation>
    </message>
    <message>
        <source>it reads {text!r}</source>
        <translation>读作 {text!r}</translation>
    </message>
    <message>
        <source>{file} is not UTF-16 text (byte {byte} cannot be read); in Excel use Save As &gt; CSV UTF-8 (Comma delimited) (*.csv), then import that file</source>
        <translation>{file} 不是 UTF-16 文本（第 {byte} 字节无法读取）；请在 Excel 中选择“另存为 &gt; CSV UTF-8(逗号分隔)(*.csv)”，然后导入该文件</translation>
    </message>
    <message>
        <source>{where}, column {column}: the cell is not UTF-8 text, though the rest of the file is ({read}; it may have been pasted from another file): type the cell again and save the file</source>
        <translation>{where}，{column} 列：该单元格不是 UTF-8 文本，而文件的其余部分是（{read}；可能是从其他文件粘贴过来的）：请重新输入该单元格并保存文件</translation>
    </message>
    <message>
        <source>{where}, column {column}</source>
        <translation>{where}，{column} 列</translation>
    </message>
    <message>
        <source>{where}: the cell {cell} has quotation marks but is not in quotes; write it as {fixed} (the whole cell in quotes, each of its quotation marks doubled), as Excel saves it</source>
        <translation>{where}：单元格 {cell} 含有引号，但本身没有放在引号中；请按 Excel 保存的方式写作 {fixed}（整个单元格放在引号中，其中的每个引号写两遍）</translation>
    </message>
    <message>
        <source>row {number}</source>
        <translation>第 {number} 行</translation>
    </message>
    <message>
        <source>rows {first}-{last}</source>
        <translation>第 {first}–{last} 行</translation>
    </message>
    <message>
        <source>{where}: a quotation mark is never closed, so {rows} were read as one cell; check the quotes</source>
        <translation>{where}：有一个引号没有闭合，因此{rows}被读成了一个单元格；请检查引号</translation>
    </message>
    <message>
        <source>{where}: a quotation mark is never closed, so the file ends inside its cell; check the quotes</source>
        <translation>{where}：有一个引号没有闭合，文件在该单元格中就结束了；请检查引号</translation>
    </message>
    <message>
        <source>the sheet is hidden in the workbook, so its {count} row(s) under the header were not loaded; right-click a sheet&apos;s tab &gt; Unhide to import them</source>
        <translation>该工作表在工作簿中已隐藏，因此标题行下的 {count} 行未载入；如需导入，请右键单击工作表标签 &gt; 取消隐藏</translation>
    </message>
    <message>
        <source>{where}, column {column}: cell {cell} holds a formula with no saved result; open the file in Excel or LibreOffice and save it again so its values are stored</source>
        <translation>{where}，{column} 列：单元格 {cell} 中的公式没有保存计算结果；请用 Excel 或 LibreOffice 打开文件并重新保存，以存入其值</translation>
    </message>
    <message>
        <source>{before}; {where}, which has them, is hidden: right-click a sheet&apos;s tab &gt; Unhide if it is the programme</source>
        <translation>{before}；{where}（含有这些列）已隐藏：如果它就是日程，请右键单击工作表标签 &gt; 取消隐藏</translation>
    </message>
    <message>
        <source>{file}: none of its sheets ({sheets}) has the columns {first}, {second} in one of its first {rows} rows{hidden}; start from `guide import --template`</source>
        <translation>{file}：所有工作表（{sheets}）的前 {rows} 行中都没有 {first}、{second} 列{hidden}；请从 `guide import --template` 生成的模板开始填写</translation>
    </message>
    <message>
        <source>is hidden in the workbook, and not read as part of the programme</source>
        <translation>在工作簿中已隐藏，未作为日程的一部分读取</translation>
    </message>
    <message>
        <source>{where} has {cells} cells but the header row has {width}: a {separator} inside a cell needs the cell in quotes (the cells past the last column: {extra})</source>
        <translation>{where}有 {cells} 个单元格，而标题行只有 {width} 个：单元格中含有{separator}时，须将该单元格放在引号中（超出最后一列的单元格：{extra}）</translation>
    </message>
    <message>
        <source>{where}, column {column}: {value!r} is in a column without a header; give the column its header or move the value</source>
        <translation>{where}，{column} 列：{value!r} 位于没有标题的列中；请为该列加上标题，或移走这个值</translation>
    </message>
    <message>
        <source>sheet {sheet}</source>
        <translation>工作表 {sheet}</translation>
    </message>
    <message>
        <source>has no header row with {first} and {second} in its first {rows} rows, so it is not read as part of the programme</source>
        <translation>前 {rows} 行中没有含 {first} 和 {second} 的标题行，因此未作为日程的一部分读取</translation>
    </message>
    <message>
        <source>{where}, column {column}: the cell has a line that looks like a row of its own ({line!r}); a quotation mark at the start of the cell is closed only rows further down, so the rows between were read as part of it; check the quotes</source>
        <translation>{where}，{column} 列：该单元格中有一行看起来是单独的一行（{line!r}）；单元格开头的引号到下面几行才闭合，因此其间各行被读成了该单元格的一部分；请检查引号</translation>
    </message>
    <message>
        <source>日期 Date is empty, so the date of the row above is taken: a sheet whose date cell is merged over a day&apos;s sessions keeps it only in the first row when saved as CSV; if a row is on another day, type its date</source>
        <translation>“日期 Date”为空，因此沿用上一行的日期：日期单元格合并跨越一天各场次的表格，另存为 CSV 时只有第一行保留日期；如果某行是另一天的场次，请填写其日期</translation>
    </message>
    <message>
        <source>role labels ({labels}) are not taken as part of the names after them; the guide lists a session&apos;s moderators and hosts with its other speakers, without their role</source>
        <translation>角色标注（{labels}）不作为其后姓名的一部分；本指南将场次的主持人等与其他发言嘉宾一起列出，不注明其角色</translation>
    </message>
    <message>
        <source>the row ({title}) is hidden by the sheet&apos;s filter, so it was not loaded; clear the filter (Data &gt; Clear) to import it</source>
        <translation>该行（{title}）被表格的筛选隐藏，因此未载入；如需导入，请清除筛选（数据 &gt; 清除）</translation>
    </message>
    <message>
        <source>the row ({title}) is hidden in the sheet, so it was not loaded; unhide the row to import it</source>
        <translation>该行（{title}）在表格中已隐藏，因此未载入；如需导入，请取消隐藏该行</translation>
    </message>
    <message>
        <source>the row is hidden by the sheet&apos;s filter, so it was not loaded; clear the filter (Data &gt; Clear) to import it</source>
        <translation>该行被表格的筛选隐藏，因此未载入；如需导入，请清除筛选（数据 &gt; 清除）</translation>
    </message>
    <message>
        <source>the row is hidden in the sheet, so it was not loaded; unhide the row to import it</source>
        <translation>该行在表格中已隐藏，因此未载入；如需导入，请取消隐藏该行</translation>
    </message>
    <message>
        <source>{where}, column {column}: {value!r} {problem}</source>
        <translation>{where}，{column} 列：{value!r} {problem}</translation>
    </message>
    <message>
        <source>{where}, column {column}: {problem}</source>
        <translation>{where}，{column} 列：{problem}</translation>
    </message>
    <message>
        <source>is also the id of {where}; every session needs its own id</source>
        <translation>也是{where}的编号；每个场次都需要自己的编号</translation>
    </message>
    <message>
        <source>is empty; every session needs a title</source>
        <translation>为空；每个场次都需要标题</translation>
    </message>
    <message>
        <source>开始 Start is empty: the time in its 日期 Date cell, {time}, is taken as the start</source>
        <translation>“开始 Start”为空：取其“日期 Date”单元格中的时间 {time} 作为开始时间</translation>
    </message>
    <message>
        <source>is empty but 结束 End is given</source>
        <translation>为空，但“结束 End”已填写</translation>
    </message>
    <message>
        <source>is a second time beside 开始 Start and 结束 End; give the time in one of them and leave the other empty</source>
        <translation>与“开始 Start”“结束 End”重复给出了时间；请只在其中一处填写时间，另一处留空</translation>
    </message>
    <message>
        <source>{where}, column {column}: {value!r} is on a row that continues the session of row {first} (its 标题 Title cell is merged down over row {row}), which adds only 嘉宾 Speakers and 主办 Host; move the value to row {first}, or unmerge the title to make row {row} a session of its own</source>
        <translation>{where}，{column} 列：{value!r} 所在的行是第 {first} 行场次的延续（其“标题 Title”单元格向下合并到了第 {row} 行），这样的行只能补充“嘉宾 Speakers”和“主办 Host”；请把该值移到第 {first} 行，或取消标题的合并，使第 {row} 行成为单独的场次</translation>
    </message>
    <message>
        <source>is a range of times, and 结束 End is given too: put only the start in 开始 Start and the end in 结束 End</source>
        <translation>是一个时间段，而“结束 End”也已填写：请在“开始 Start”中只填开始时间，结束时间填在“结束 End”中</translation>
    </message>
    <message>
        <source>its 日期 Date cell holds the time {time} too, not 开始 Start {start}; the 开始 Start is kept</source>
        <translation>其“日期 Date”单元格中还有时间 {time}，与“开始 Start”的 {start} 不同；以“开始 Start”为准</translation>
    </message>
    <message>
        <source>is not a time or a range of times (e.g. 09:00-12:00, or one start time: {forms})</source>
        <translation>不是时间或时间段（例如 09:00-12:00，或只写开始时间：{forms}）</translation>
    </message>
    <message>
        <source>is empty; every session needs a date</source>
        <translation>为空；每个场次都需要日期</translation>
    </message>
    <message>
        <source>is not after 开始 Start {start} (a session that ends after midnight: write 00:30+1 or 次日00:30)</source>
        <translation>不晚于“开始 Start”的 {start}（跨过午夜才结束的场次，请写作 00:30+1 或 次日00:30）</translation>
    </message>
    <message>
        <source>ends at or before its start {start} (a session that ends after midnight: write 00:30+1 or 次日00:30)</source>
        <translation>结束时间不晚于开始时间 {start}（跨过午夜才结束的场次，请写作 00:30+1 或 次日00:30）</translation>
    </message>
    <message>
        <source>is not a time ({forms})</source>
        <translation>不是时间（{forms}）</translation>
    </message>
    <message>
        <source>repeats the header ({header}), as a block of sessions pasted under another with its header does: skipped, not read as a session; the sessions under it were read</source>
        <translation>重复了标题行（{header}），就像把一组场次连同标题行粘贴到另一组下面时那样：已跳过，未作为场次读取；其下的场次已读取</translation>
    </message>
    <message>
        <source>not well-formed (invalid token)</source>
        <translation>格式不正确（无效的标记）</translation>
    </message>
    <message>
        <source>mismatched tag</source>
        <translation>标签不匹配</translation>
    </message>
    <message>
        <source>unclosed token</source>
        <translation>标记未闭合</translation>
    </message>
    <message>
        <source>no element found</source>
        <translation>未找到元素</translation>
    </message>
    <message>
        <source>syntax error</source>
        <translation>语法错误</translation>
    </message>
    <message>
        <source>junk after document element</source>
        <translation>文档元素之后有多余内容</translation>
    </message>
    <message>
        <source>undefined entity</source>
        <translation>未定义的实体</translation>
    </message>
    <message>
        <source>duplicate attribute</source>
        <translation>属性重复</translation>
    </message>
    <message>
        <source>unbound prefix</source>
        <translation>未绑定的命名空间前缀</translation>
    </message>
    <message>
        <source>unclosed CDATA section</source>
        <translation>CDATA 段未闭合</translation>
    </message>
    <message>
        <source>reference to invalid character number</source>
        <translation>引用了无效的字符编号</translation>
    </message>
    <message>
        <source>XML or text declaration not at start of entity</source>
        <translation>XML 声明或文本声明不在开头</translation>
    </message>
    <message>
        <source>Expecting value</source>
        <translation>此处应为一个值</translation>
    </message>
    <message>
        <source>Expecting &apos;,&apos; delimiter</source>
        <translation>此处应为逗号“,”</translation>
    </message>
    <message>
        <source>Expecting &apos;:&apos; delimiter</source>
        <translation>此处应为冒号“:”</translation>
    </message>
    <message>
        <source>Expecting property name enclosed in double quotes</source>
        <translation>此处应为用双引号括起的属性名</translation>
    </message>
    <message>
        <source>Extra data</source>
        <translation>末尾有多余的数据</translation>
    </message>
    <message>
        <source>Invalid control character at</source>
        <translation>有无效的控制字符</translation>
    </message>
    <message>
        <source>Invalid \escape</source>
        <translation>有无效的转义符“\”</translation>
    </message>
    <message>
        <source>is a day&apos;s heading ({headings}), not a session: skipped; the sessions under it were read</source>
        <translation>是某一天的标题行（{headings}），不是场次：已跳过；其下的场次已读取</translation>
    </message>
    <message>
        <source>is empty, so the date of the day&apos;s heading above it, {row} ({heading!r}), is taken: {date}</source>
        <translation>为空，因此采用其上方当天标题行（{row}，{heading!r}）中的日期：{date}</translation>
    </message>
    <message>
        <source>holds Excel&apos;s date numbers, not dates shown as such ({number}), read as the dates they stand for in this workbook ({number} is {date}) (the workbook counts dates from 1904, as old Mac Excel did: the same number is four years and a day earlier in another workbook); format the column as a date in Excel (Format Cells &gt; Date) to see them as dates</source>
        <translation>是 Excel 的日期序号（{number}），而不是以日期格式显示的日期，已按其在本工作簿中代表的日期读取（{number} 即 {date}）（本工作簿的日期从 1904 年起算，与旧版 Mac Excel 相同：同一个序号在其他工作簿中要早四年零一天）；如需显示为日期，请在 Excel 中将该列设为日期格式（设置单元格格式 &gt; 日期）</translation>
    </message>
    <message>
        <source>holds Excel&apos;s date numbers, not dates shown as such ({number}), read as the dates they stand for in this workbook ({number} is {date}); format the column as a date in Excel (Format Cells &gt; Date) to see them as dates</source>
        <translation>是 Excel 的日期序号（{number}），而不是以日期格式显示的日期，已按其在本工作簿中代表的日期读取（{number} 即 {date}）；如需显示为日期，请在 Excel 中将该列设为日期格式（设置单元格格式 &gt; 日期）</translation>
    </message>
    <message>
        <source>{where} is a header row again, with its columns in other places than the header of row {header}: the rows under it would be read in row {header}&apos;s columns; give them row {header}&apos;s columns, or put them on a sheet of their own</source>
        <translation>{where}又是一个标题行，但其各列的位置与第 {header} 行的标题行不同：其下各行会按第 {header} 行的列读取；请让这些列与第 {header} 行一致，或把它们放到单独的工作表中</translation>
    </message>
    <message>
        <source>is not a date (YYYY-MM-DD)</source>
        <translation>不是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>HH:MM or HH:MM:SS, e.g. 14:00; 14.00 or 1400; or with 上午/下午 or AM/PM, e.g. 下午2点, 2:00 PM</source>
        <translation>HH:MM 或 HH:MM:SS，例如 14:00；14.00 或 1400；或带“上午/下午”或 AM/PM，例如 下午2点、2:00 PM</translation>
    </message>
    <message>
        <source>is a number, not a date: it looks like an Excel date number (in Excel, {number} is {date}); format the column as a date in Excel (Format Cells &gt; Date) and save the file again</source>
        <translation>是数字而不是日期：看起来是 Excel 的日期序号（在 Excel 中 {number} 即 {date}）；请在 Excel 中将该列设为日期格式（设置单元格格式 &gt; 日期），然后重新保存文件</translation>
    </message>
    <message>
        <source>is a number, not a time: it looks like an Excel time number (in Excel, {number} is {time}); format the column as a time in Excel (Format Cells &gt; Time) and save the file again</source>
        <translation>是数字而不是时间：看起来是 Excel 的时间数值（在 Excel 中 {number} 即 {time}）；请在 Excel 中将该列设为时间格式（设置单元格格式 &gt; 时间），然后重新保存文件</translation>
    </message>
    <message>
        <source>Monday (周一)</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tuesday (周二)</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wednesday (周三)</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thursday (周四)</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Friday (周五)</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Saturday (周六)</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sunday (周日)</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>{column} {value!r} ends at {end}, before its start {start}: read as {read}, on a twelve-hour clock; if that is wrong, type the end on the 24-hour clock</source>
        <translation>{column} {value!r} 的结束时间 {end} 早于开始时间 {start}：按 12 小时制读作 {read}；如有误，请用 24 小时制填写结束时间</translation>
    </message>
    <message>
        <source>has no year ({month}月{day}日): write the date with its year, e.g. 2023-{month:02d}-{day:02d}</source>
        <translation>没有年份（{month}月{day}日）：请写上年份，例如 2023-{month:02d}-{day:02d}</translation>
    </message>
    <message>
        <source>says {said}, but {date} is a {weekday}; correct the date or the weekday</source>
        <translation>写的是{said}，但 {date} 是{weekday}；请更正日期或星期</translation>
    </message>
    <message>
        <source>could be read day first or month first; write it as YYYY-MM-DD</source>
        <translation>既可读作日在前，也可读作月在前；请写作 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>ends at 12:00 AM, after a morning start: that is midnight, but it is often typed for noon; write 12:00 or 12:00 PM for noon, 24:00 for midnight</source>
        <translation>在 12:00 AM 结束，而开始时间在上午：12:00 AM 是午夜，但常被误用来表示中午；中午请写 12:00 或 12:00 PM，午夜请写 24:00</translation>
    </message>
    <message>
        <source>has a time after its date that is not one ({time})</source>
        <translation>日期后面的时间无效（{time}）</translation>
    </message>
    <message>
        <source>is a number that is no time of day: a time is HH:MM (14:00), or 14.00 or 1400, with hours 0-23 and minutes 00-59</source>
        <translation>是数字，但不是一天中的时间：时间应写作 HH:MM（14:00），或 14.00、1400，小时为 0-23，分钟为 00-59</translation>
    </message>
    <message>
        <source>is an hour without its minutes; Excel keeps {typed}, typed in a cell formatted as a number, as {number}: write the time as HH:MM, e.g. {example}</source>
        <translation>只有小时，没有分钟；在设为数字格式的单元格中输入 {typed}，Excel 会保存为 {number}：请把时间写作 HH:MM，例如 {example}</translation>
    </message>
    <message>
        <source>is an hour without its minutes: write the time as HH:MM, e.g. {example}</source>
        <translation>只有小时，没有分钟：请把时间写作 HH:MM，例如 {example}</translation>
    </message>
    <message>
        <source>has one digit after the dot, so its minutes are unclear ({shown} or {other}?); Excel keeps {typed}, typed in a cell formatted as a number, as {number}: write the time as HH:MM, e.g. {shown}</source>
        <translation>小数点后只有一位数字，因此分钟不明确（{shown} 还是 {other}？）；在设为数字格式的单元格中输入 {typed}，Excel 会保存为 {number}：请把时间写作 HH:MM，例如 {shown}</translation>
    </message>
    <message>
        <source>has one digit after the dot, so its minutes are unclear ({shown} or {other}?): write the time as HH:MM, e.g. {shown}</source>
        <translation>小数点后只有一位数字，因此分钟不明确（{shown} 还是 {other}？）：请把时间写作 HH:MM，例如 {shown}</translation>
    </message>
    <message>
        <source>holds the number {number}: {minutes} if the dot parts hours from minutes, or {half} if the column counts hours in decimals; which one is not guessed: write the time as HH:MM, {minutes} or {half}</source>
        <translation>单元格中的数字为 {number}：若小数点分隔小时和分钟，则为 {minutes}；若该列用小数表示小时，则为 {half}。无法判断是哪一种：请把时间写作 HH:MM，即 {minutes} 或 {half}</translation>
    </message>
    <message>
        <source>{where}, column {column}: {value!r} has no year ({why}); write the date with its year, e.g. {example}</source>
        <translation>{where}，{column} 列：{value!r} 没有年份（{why}）；请写上年份，例如 {example}</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} 或 {second}</translation>
    </message>
    <message>
        <source>{count} months before</source>
        <translation>早约 {count} 个月</translation>
    </message>
    <message>
        <source>{count} months after</source>
        <translation>晚约 {count} 个月</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} 至 {last}</translation>
    </message>
    <message>
        <source>{count} years before</source>
        <translation>早 {count} 年</translation>
    </message>
    <message>
        <source>{count} years after</source>
        <translation>晚 {count} 年</translation>
    </message>
    <message>
        <source>日期 Date gives no year; {year} is taken, the year that puts it near the file&apos;s other dates</source>
        <translation>“日期 Date”没有年份；按 {year} 年计，即与文件中其他日期相近的年份</translation>
    </message>
    <message>
        <source>{where}: {date!r} is {apart} the programme&apos;s other dates ({span}): a year typed wrong? Correct it; a programme of more than a year is imported a year at a time</source>
        <translation>{where}：{date!r} 比日程的其他日期（{span}）{apart}：年份输错了吗？请更正；跨度超过一年的日程请按年分别导入</translation>
    </message>
    <message>
        <source>no other date of the file gives it</source>
        <translation>文件中没有其他日期可以确定年份</translation>
    </message>
    <message>
        <source>{date!r} is {apart} the programme&apos;s other dates ({span}); check its year</source>
        <translation>{date!r} 比日程的其他日期（{span}）{apart}；请核对年份</translation>
    </message>
    <message>
        <source>{where}, column {column}: {value!r} {problem} (in {year}, the year that puts it near the file&apos;s other dates)</source>
        <translation>{where}，{column} 列：{value!r} {problem}（按 {year} 年计，即与文件中其他日期相近的年份）</translation>
    </message>
    <message>
        <source>it could be in {years}, each near the file&apos;s other dates</source>
        <translation>可能是 {years} 年，都与文件中的其他日期相近</translation>
    </message>
    <message>
        <source>no year puts it within three months of the file&apos;s other dates</source>
        <translation>没有哪一年能使它与文件中的其他日期相距在三个月以内</translation>
    </message>
    <message>
        <source>the template&apos;s example row (its 标题 Title is still the example&apos;s), not imported; overwrite it with a session or delete the row</source>
        <translation>模板的示例行（其“标题 Title”仍是示例的标题），未导入；请用一个场次覆盖它，或删除该行</translation>
    </message>
    <message>
        <source>not a readable .xlsx workbook: {error}</source>
        <translation>不是可读取的 .xlsx 工作簿：{error}</translation>
    </message>
    <message>
        <source>the workbook is damaged ({error}): download or copy it again, or save it from Excel again</source>
        <translation>工作簿已损坏（{error}）：请重新下载或复制，或从 Excel 重新保存</translation>
    </message>
    <message>
        <source>the workbook was cut short (a download or copy that stopped?): download or copy it again, or save it from Excel again</source>
        <translation>工作簿不完整（下载或复制中断了？）：请重新下载或复制，或从 Excel 重新保存</translation>
    </message>
    <message>
        <source>looks like test data: its title {title!r} and its room {room!r} say test and it has no description; left out (give it a real title, or import with --keep-test-entries to keep it)</source>
        <translation>看起来是测试数据：其标题 {title!r} 和会场 {room!r} 都表明是测试，且没有简介；未导入（请给它一个真实的标题，或用 --keep-test-entries 导入以保留它）</translation>
    </message>
    <message>
        <source>room {room}</source>
        <translation>会场 {room}</translation>
    </message>
    <message>
        <source>the room&apos;s name looks like test data; kept, with {count} session(s)</source>
        <translation>该会场的名称看起来是测试数据；已保留，其中有 {count} 个场次</translation>
    </message>
    <message>
        <source>looks like test data and has no session left; left out</source>
        <translation>看起来是测试数据，且其中已没有场次；未导入</translation>
    </message>
    <message>
        <source>{title!r} looks like test data (its title and room); kept: delete it from the schedule if it is not a real session</source>
        <translation>{title!r} 看起来是测试数据（从其标题和会场看）；已保留：如果它不是真实的场次，请从日程中删除</translation>
    </message>
    <message>
        <source>{title!r} looks like test data (its title); kept: delete it from the schedule if it is not a real session</source>
        <translation>{title!r} 看起来是测试数据（从其标题看）；已保留：如果它不是真实的场次，请从日程中删除</translation>
    </message>
    <message>
        <source>{hours} hours</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <source>{time} does not exist on {date} in {zone} (the clocks go forward); read as {read}, the session keeping its length: check the times</source>
        <translation>{date} 在 {zone} 时区没有 {time} 这个时间（时钟拨快）；按 {read} 读取，场次时长不变：请核对时间</translation>
    </message>
    <message>
        <source>{hours} hours {minutes} minutes</source>
        <translation>{hours} 小时 {minutes} 分钟</translation>
    </message>
    <message>
        <source>ends after the year 9999 (starts {date}, lasts {length})</source>
        <translation>在 9999 年之后才结束（开始于 {date}，持续 {length}）</translation>
    </message>
    <message>
        <source>the date {date} is out of range: its time zone then was {offset} from UTC, before standard time; check the year</source>
        <translation>日期 {date} 超出范围：该时区当时与 UTC 相差 {offset}，尚未采用标准时间；请核对年份</translation>
    </message>
    <message>
        <source>no title</source>
        <translation>没有标题</translation>
    </message>
    <message>
        <source>id {id} is used twice; this second event gets an id of its own</source>
        <translation>编号 {id} 用了两次；第二个活动另行分配编号</translation>
    </message>
    <message>
        <source>HTML that was escaped twice was decoded</source>
        <translation>已解码转义了两次的 HTML</translation>
    </message>
    <message>
        <source>link {url!r} is not an absolute http(s) address; left out</source>
        <translation>链接 {url!r} 不是完整的 http(s) 地址；未导入</translation>
    </message>
    <message>
        <source>no room given; the session is listed without one</source>
        <translation>未注明会场；该场次不带会场列出</translation>
    </message>
    <message>
        <source>{source} gives times without a UTC offset or time zone; name the zone they are in with --timezone, e.g. --timezone {example}</source>
        <translation>{source} 中的时间没有 UTC 偏移或时区；请用 --timezone 指定其所在时区，例如 --timezone {example}</translation>
    </message>
    <message>
        <source>neither a date-time nor a day and start time</source>
        <translation>既没有日期时间，也没有日期和开始时间</translation>
    </message>
    <message>
        <source>lasts {length} (duration {duration}); it is shown as on for all that time: check the duration</source>
        <translation>持续 {length}（时长 {duration}）；在这段时间内都会显示为正在进行：请核对时长</translation>
    </message>
    <message>
        <source>duplicate of session {id} (same id, title and start)</source>
        <translation>与场次 {id} 重复（编号、标题和开始时间相同）</translation>
    </message>
    <message>
        <source>start time unreadable: {problem}</source>
        <translation>无法读取开始时间：{problem}</translation>
    </message>
    <message>
        <source>&lt;start&gt; {start} disagrees with &lt;date&gt; {date}; the date&apos;s time is kept</source>
        <translation>&lt;start&gt; {start} 与 &lt;date&gt; {date} 不一致；以 &lt;date&gt; 中的时间为准</translation>
    </message>
    <message>
        <source>ends before it starts (duration {duration})</source>
        <translation>结束早于开始（时长 {duration}）</translation>
    </message>
    <message>
        <source>no duration</source>
        <translation>没有时长</translation>
    </message>
    <message>
        <source>duration {text!r} is not H:MM, HH:MM or HH:MM:SS</source>
        <translation>时长 {text!r} 不是 H:MM、HH:MM 或 HH:MM:SS 格式</translation>
    </message>
    <message>
        <source>{text!r} is not a time of day (HH:MM)</source>
        <translation>{text!r} 不是一天中的时间（HH:MM）</translation>
    </message>
    <message>
        <source>{source}: its time zone {zone!r} is not a known time zone; give the zone its times are in with --timezone, e.g. {example} (IANA names), or correct it in the file</source>
        <translation>{source}：其时区 {zone!r} 不是已知的时区；请用 --timezone 指定其时间所在的时区，例如 {example}（IANA 名称），或在文件中更正</translation>
    </message>
    <message>
        <source>{text!r} is not a date and time (YYYY-MM-DDTHH:MM, with or without an offset such as +08:00)</source>
        <translation>{text!r} 不是日期和时间（YYYY-MM-DDTHH:MM，可带或不带 +08:00 这样的偏移）</translation>
    </message>
    <message>
        <source>--timezone {zone!r} is not a known time zone (IANA names such as Europe/Brussels or Asia/Shanghai)</source>
        <translation>--timezone {zone!r} 不是已知的时区（请用 IANA 名称，如 Europe/Brussels 或 Asia/Shanghai）</translation>
    </message>
    <message>
        <source>the file names no time zone and the content in use names {zone!r}, which is not a known time zone; give the zone the file&apos;s times are in with --timezone, e.g. {example} (IANA names)</source>
        <translation>文件未注明时区，而当前内容注明的 {zone!r} 不是已知的时区；请用 --timezone 指定文件中时间所在的时区，例如 {example}（IANA 名称）</translation>
    </message>
    <message>
        <source>frab XML schedule</source>
        <translation>frab XML 日程文件</translation>
    </message>
    <message>
        <source>frab JSON schedule</source>
        <translation>frab JSON 日程文件</translation>
    </message>
    <message>
        <source>iCalendar</source>
        <translation>iCalendar 日历文件</translation>
    </message>
    <message>
        <source>CSV spreadsheet</source>
        <translation>CSV 表格文件</translation>
    </message>
    <message>
        <source>Excel spreadsheet</source>
        <translation>Excel 表格文件</translation>
    </message>
    <message>
        <source>{file}: not a schedule this version reads ({formats})</source>
        <translation>{file}：不是本版本能读取的日程文件（{formats}）</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>嵌套层次过深</translation>
    </message>
    <message>
        <source>{source}: no such file</source>
        <translation>{source}：文件不存在</translation>
    </message>
    <message>
        <source>{file}: XML, but not a frab schedule (no &lt;schedule&gt;)</source>
        <translation>{file}：是 XML，但不是 frab 日程（没有 &lt;schedule&gt;）</translation>
    </message>
    <message>
        <source>{file}: the file is empty</source>
        <translation>{file}：文件为空</translation>
    </message>
    <message>
        <source>format {format!r} cannot be imported; this version reads {formats}</source>
        <translation>无法导入格式 {format!r}；本版本可读取 {formats}</translation>
    </message>
    <message>
        <source>{source}: larger than {size} MB; not a schedule?</source>
        <translation>{source}：大于 {size} MB；这是日程文件吗？</translation>
    </message>
    <message>
        <source>{file}: not a readable {format} file: {reason}</source>
        <translation>{file}：不是可读取的 {format}：{reason}</translation>
    </message>
    <message>
        <source>{file}: no session could be imported ({count} skipped: {why})</source>
        <translation>{file}：没有可以导入的场次（跳过 {count} 个：{why}）</translation>
    </message>
    <message>
        <source>{file}: no session could be imported</source>
        <translation>{file}：没有可以导入的场次</translation>
    </message>
    <message>
        <source>{source}: cannot download: {error}</source>
        <translation>{source}：无法下载：{error}</translation>
    </message>
    <message>
        <source>open it in Excel and save it as .xlsx (Excel Workbook), then import that file</source>
        <translation>请在 Excel 中打开，另存为 .xlsx（Excel 工作簿），然后导入该文件</translation>
    </message>
    <message>
        <source>copy the programme&apos;s table into Excel and save it as .xlsx (Excel Workbook), then import that file</source>
        <translation>请把日程表格复制到 Excel 中，另存为 .xlsx（Excel 工作簿），然后导入该文件</translation>
    </message>
    <message>
        <source>an Excel binary workbook (.xlsb)</source>
        <translation>Excel 二进制工作簿（.xlsb）</translation>
    </message>
    <message>
        <source>an Apple Numbers spreadsheet</source>
        <translation>Apple Numbers 表格</translation>
    </message>
    <message>
        <source>in Numbers choose File &gt; Export To &gt; Excel, then import that .xlsx file</source>
        <translation>请在 Numbers 中选择“文件 &gt; 导出为 &gt; Excel”，然后导入导出的 .xlsx 文件</translation>
    </message>
    <message>
        <source>a Word document, not a spreadsheet</source>
        <translation>Word 文档，不是表格</translation>
    </message>
    <message>
        <source>a PowerPoint presentation, not a spreadsheet</source>
        <translation>PowerPoint 演示文稿，不是表格</translation>
    </message>
    <message>
        <source>a content pack (.guidepack), not a programme</source>
        <translation>内容包（.guidepack），不是日程</translation>
    </message>
    <message>
        <source>apply it with `guide update apply --file FILE` (in the guide: the staff menu&apos;s &quot;Open content pack...&quot;)</source>
        <translation>请用 `guide update apply --file FILE` 载入（在指南中：工作人员菜单的“打开内容包…”）</translation>
    </message>
    <message>
        <source>a zip archive, not a spreadsheet</source>
        <translation>zip 压缩包，不是表格</translation>
    </message>
    <message>
        <source>{file}: {what}, which the guide cannot read: {advice}</source>
        <translation>{file}：{what}，本指南无法读取：{advice}</translation>
    </message>
    <message>
        <source>open it in Excel and save it as .xlsx (Excel Workbook) without a password, then import that file</source>
        <translation>请在 Excel 中打开，不设密码另存为 .xlsx（Excel 工作簿），然后导入该文件</translation>
    </message>
    <message>
        <source>an OpenDocument {kind} file, not a spreadsheet</source>
        <translation>OpenDocument {kind} 文件，不是表格</translation>
    </message>
    <message>
        <source>unzip it and import the programme inside ({files})</source>
        <translation>请解压缩，然后导入其中的日程文件（{files}）</translation>
    </message>
    <message>
        <source>unzip it and import the programme&apos;s .xlsx or .csv file inside</source>
        <translation>请解压缩，然后导入其中的日程 .xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <source>an Excel 97-2003 .xls or a password-protected workbook</source>
        <translation>Excel 97-2003 .xls 工作簿或有密码保护的工作簿</translation>
    </message>
    <message>
        <source>{file}: a web page (HTML), not a spreadsheet, (systems often export tables this way): {advice}</source>
        <translation>{file}：这是网页（HTML），不是表格（系统常以这种方式导出表格）：{advice}</translation>
    </message>
    <message>
        <source>an OpenDocument spreadsheet (.ods)</source>
        <translation>OpenDocument 表格（.ods）</translation>
    </message>
    <message>
        <source>open it in LibreOffice or Excel and save it as .xlsx (Excel Workbook), then import that file</source>
        <translation>请在 LibreOffice 或 Excel 中打开，另存为 .xlsx（Excel 工作簿），然后导入该文件</translation>
    </message>
    <message>
        <source>an OpenDocument spreadsheet (.ods, as LibreOffice and WPS save it)</source>
        <translation>OpenDocument 表格（.ods，LibreOffice 和 WPS 保存的格式）</translation>
    </message>
    <message>
        <source>open it in LibreOffice Calc, WPS or Excel and save it as .xlsx (Excel Workbook), then import that file</source>
        <translation>请在 LibreOffice Calc、WPS 或 Excel 中打开，另存为 .xlsx（Excel 工作簿），然后导入该文件</translation>
    </message>
    <message>
        <source>a password-protected workbook</source>
        <translation>有密码保护的工作簿</translation>
    </message>
    <message>
        <source>an Excel 97-2003 .xls workbook</source>
        <translation>Excel 97-2003 .xls 工作簿</translation>
    </message>
    <message>
        <source>{file}: a web page (HTML), not a spreadsheet, though its name ends in .xls (systems often export tables this way): {advice}</source>
        <translation>{file}：这是网页（HTML），不是表格，尽管文件名以 .xls 结尾（系统常以这种方式导出表格）：{advice}</translation>
    </message>
    <message>
        <source>{file}: {count} bad cell(s)</source>
        <translation>{file}：{count} 个单元格有误</translation>
    </message>
    <message>
        <source>the imported programme does not validate</source>
        <translation>导入的日程未通过校验</translation>
    </message>
    <message>
        <source>day {day}, room {room}, event {event}</source>
        <translation>日期 {day}，会场 {room}，活动 {event}</translation>
    </message>
    <message>
        <source>the XML is not well-formed at line {line}, column {column} ({what})</source>
        <translation>XML 在第 {line} 行第 {column} 列格式有误（{what}）</translation>
    </message>
    <message>
        <source>the file ends in the middle of the schedule (line {line}); it was cut short (a download or copy that stopped?): download or export it again</source>
        <translation>文件在日程中途结束（第 {line} 行）；文件不完整（下载或复制中断了？）：请重新下载或导出</translation>
    </message>
    <message>
        <source>{where}: its date {date!r} is not written YYYY-MM-DD (e.g. 2023-05-25)</source>
        <translation>{where}：其日期 {date!r} 不是 YYYY-MM-DD 格式（例如 2023-05-25）</translation>
    </message>
    <message>
        <source>24:00 on {day} read as the midnight that ends it: {next} 00:00</source>
        <translation>{day} 24:00 读作当天结束时的午夜：{next} 00:00</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>真/假值</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>{name} is {kind} ({value}), not text</source>
        <translation>{name} 是{kind}（{value}），不是文本</translation>
    </message>
    <message>
        <source>is {kind} ({value}), not an event object</source>
        <translation>是{kind}（{value}），不是活动对象</translation>
    </message>
    <message>
        <source>day {number}</source>
        <translation>第 {number} 天</translation>
    </message>
    <message>
        <source>{where}: its date is {kind}, not text (YYYY-MM-DD)</source>
        <translation>{where}：其日期是{kind}，不是文本（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>it is not UTF-8 text (line {line}, byte {byte}); a schedule saved in another encoding (GBK on Chinese systems) must be saved again as UTF-8</source>
        <translation>不是 UTF-8 文本（第 {line} 行，第 {byte} 字节）；以其他编码（中文系统上为 GBK）保存的日程须重新保存为 UTF-8</translation>
    </message>
    <message>
        <source>its XML declaration says {encoding}, but the text is UTF-8: read as UTF-8</source>
        <translation>其 XML 声明为 {encoding}，但文本是 UTF-8：按 UTF-8 读取</translation>
    </message>
    <message>
        <source>something else</source>
        <translation>其他类型的值</translation>
    </message>
    <message>
        <source>{name} is {kind} ({value}), not a list</source>
        <translation>{name} 是{kind}（{value}），不是列表</translation>
    </message>
    <message>
        <source>speaker {number} is {kind} ({value}), not a name or an object with a public_name</source>
        <translation>第 {number} 位发言嘉宾是{kind}（{value}），既不是姓名，也不是带 public_name 的对象</translation>
    </message>
    <message>
        <source>schedule.conference.days is {kind}, not a list of days</source>
        <translation>schedule.conference.days 是{kind}，不是日期列表</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>its XML declaration names the encoding {encoding!r}, which the guide does not know: save the schedule as UTF-8</source>
        <translation>其 XML 声明的编码 {encoding!r} 本指南无法识别：请将日程保存为 UTF-8</translation>
    </message>
    <message>
        <source>it is not {encoding} text as its XML declaration says (byte {byte}): save the schedule as UTF-8</source>
        <translation>不是其 XML 声明所说的 {encoding} 文本（第 {byte} 字节）：请将日程保存为 UTF-8</translation>
    </message>
    <message>
        <source>the XML declaration</source>
        <translation>XML 声明</translation>
    </message>
    <message>
        <source>link {link} is {kind}, not an object with a url; left out</source>
        <translation>链接 {link} 是{kind}，不是带 url 的对象；未导入</translation>
    </message>
    <message>
        <source>a link&apos;s url</source>
        <translation>链接的 url</translation>
    </message>
    <message>
        <source>the conference&apos;s title</source>
        <translation>会议的 title</translation>
    </message>
    <message>
        <source>the conference&apos;s acronym</source>
        <translation>会议的 acronym</translation>
    </message>
    <message>
        <source>{where}: {what}</source>
        <translation>{where}：{what}</translation>
    </message>
    <message>
        <source>it is not UTF-8 text (byte {byte}): save the schedule as UTF-8</source>
        <translation>不是 UTF-8 文本（第 {byte} 字节）：请将日程保存为 UTF-8</translation>
    </message>
    <message>
        <source>the JSON is not well-formed at line {line}, column {column} ({what})</source>
        <translation>JSON 在第 {line} 行第 {column} 列格式有误（{what}）</translation>
    </message>
    <message>
        <source>not a frab JSON schedule: no schedule.conference.days</source>
        <translation>不是 frab JSON 日程：没有 schedule.conference.days</translation>
    </message>
    <message>
        <source>day {number} is {kind} ({value}), not an object with a date and rooms</source>
        <translation>第 {number} 天是{kind}（{value}），不是带日期和会场的对象</translation>
    </message>
    <message>
        <source>{where} ({date}): rooms is {kind}, not an object of room names, each with its list of events</source>
        <translation>{where}（{date}）：rooms 是{kind}，不是以会场名称为键、各带活动列表的对象</translation>
    </message>
    <message>
        <source>speaker {number}&apos;s {field}</source>
        <translation>第 {number} 位发言嘉宾的 {field}</translation>
    </message>
    <message>
        <source>track {number}&apos;s name</source>
        <translation>第 {number} 个专题的 name</translation>
    </message>
    <message>
        <source>room {number}&apos;s name</source>
        <translation>第 {number} 个会场的 name</translation>
    </message>
    <message>
        <source>{where} ({date}), room {room}: its events are {kind}, not a list</source>
        <translation>{where}（{date}），会场 {room}：其活动是{kind}，不是列表</translation>
    </message>
    <message>
        <source>not a frab schedule: the root element is &lt;{tag}&gt;, not &lt;schedule&gt;</source>
        <translation>不是 frab 日程：根元素是 &lt;{tag}&gt;，而不是 &lt;schedule&gt;</translation>
    </message>
    <message>
        <source>track {number}&apos;s color</source>
        <translation>第 {number} 个专题的 color</translation>
    </message>
    <message>
        <source>room {number}&apos;s guid</source>
        <translation>第 {number} 个会场的 guid</translation>
    </message>
    <message>
        <source>a link&apos;s title</source>
        <translation>链接的 title</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>it is not UTF-8 text (line {line} is in another encoding, perhaps GBK): save the calendar as UTF-8</source>
        <translation>不是 UTF-8 文本（第 {line} 行是其他编码，可能是 GBK）：请将日历保存为 UTF-8</translation>
    </message>
    <message>
        <source>the occurrence of {occurrence} is cancelled (STATUS:CANCELLED); left out</source>
        <translation>{occurrence} 的这次活动已取消（STATUS:CANCELLED）；未导入</translation>
    </message>
    <message>
        <source>cancelled (STATUS:CANCELLED); left out with its {count} occurrences</source>
        <translation>已取消（STATUS:CANCELLED）；其 {count} 次活动均未导入</translation>
    </message>
    <message>
        <source>cancelled (STATUS:CANCELLED); left out</source>
        <translation>已取消（STATUS:CANCELLED）；未导入</translation>
    </message>
    <message>
        <source>VEVENT {number} (UID {uid})</source>
        <translation>VEVENT {number}（UID {uid}）</translation>
    </message>
    <message>
        <source>VEVENT {number}</source>
        <translation>VEVENT {number}</translation>
    </message>
    <message>
        <source>VEVENT {number} (UID {uid}, RECURRENCE-ID {occurrence})</source>
        <translation>VEVENT {number}（UID {uid}，RECURRENCE-ID {occurrence}）</translation>
    </message>
    <message>
        <source>RRULE has no COUNT or UNTIL; expanded over {days} days ({count} sessions)</source>
        <translation>RRULE 没有 COUNT 或 UNTIL；按 {days} 天展开（{count} 个场次）</translation>
    </message>
    <message>
        <source>no DTSTART: an event needs its start date (and time)</source>
        <translation>没有 DTSTART：活动需要开始日期（和时间）</translation>
    </message>
    <message>
        <source>VEVENT {number} is a newer change of the same occurrence ({occurrence}); this one is left out</source>
        <translation>VEVENT {number} 是对同一次活动（{occurrence}）较新的修改；此条未导入</translation>
    </message>
    <message>
        <source>not a readable iCalendar file: {error}</source>
        <translation>不是可读取的 iCalendar 文件：{error}</translation>
    </message>
    <message>
        <source>it is not UTF-8 text (line {line}), nor the CHARSET={charset} it declares: save the calendar as UTF-8</source>
        <translation>不是 UTF-8 文本（第 {line} 行），也不是其声明的 CHARSET={charset}：请将日历保存为 UTF-8</translation>
    </message>
    <message>
        <source>RECURRENCE-ID;RANGE=THISANDFUTURE (one change to this and every later occurrence) is not supported; the occurrences keep the repeating event&apos;s details: change them one by one, or end the series and start a new one</source>
        <translation>不支持 RECURRENCE-ID;RANGE=THISANDFUTURE（对本次及以后各次的统一修改）；各次活动保留重复活动原来的信息：请逐次修改，或结束该系列并新建一个</translation>
    </message>
    <message>
        <source>RECURRENCE-ID {occurrence} names no occurrence of the repeating event (VEVENT {number}); imported as a session of its own</source>
        <translation>RECURRENCE-ID {occurrence} 不对应重复活动（VEVENT {number}）的任何一次；作为单独的场次导入</translation>
    </message>
    <message>
        <source>{where}, occurrence {number}</source>
        <translation>{where}，第 {number} 次</translation>
    </message>
    <message>
        <source>the repeat rule RRULE:{rule} has FREQ={given}; it must be one of {known}</source>
        <translation>重复规则 RRULE:{rule} 的 FREQ={given}；必须是 {known} 之一</translation>
    </message>
    <message>
        <source>the repeat rule RRULE:{rule} cannot be read; write it as RFC 5545 does, e.g. RRULE:FREQ=WEEKLY;COUNT=3</source>
        <translation>无法读取重复规则 RRULE:{rule}；请按 RFC 5545 的写法，例如 RRULE:FREQ=WEEKLY;COUNT=3</translation>
    </message>
    <message>
        <source>{name} is given {count} times; an event has one</source>
        <translation>{name} 出现了 {count} 次；一个活动只能有一个</translation>
    </message>
    <message>
        <source>{name} {value} is not a date (20230525) or a date and time (20230525T090000)</source>
        <translation>{name} {value} 不是日期（20230525）或日期和时间（20230525T090000）</translation>
    </message>
    <message>
        <source>DTSTART&apos;s time zone {zone} is not one the guide knows (no VTIMEZONE describes it); its times are read in the calendar&apos;s own or the given zone</source>
        <translation>DTSTART 的时区 {zone} 本指南无法识别（没有 VTIMEZONE 描述它）；其时间按日历自身的时区或指定的时区读取</translation>
    </message>
    <message>
        <source>DTEND {date} has no time of day; the session ends at midnight, {end}</source>
        <translation>DTEND {date} 没有时间；场次在午夜 {end} 结束</translation>
    </message>
    <message>
        <source>the repeat rule RRULE:{rule} never matches a day: none of its months has day {days}</source>
        <translation>重复规则 RRULE:{rule} 不会匹配任何一天：其所有月份都没有第 {days} 日</translation>
    </message>
    <message>
        <source>DTSTART is a date (an all-day event) but DTEND {value} has a time; give both as dates, or both with a time</source>
        <translation>DTSTART 是日期（全天活动），但 DTEND {value} 带有时间；请都写成日期，或都带上时间</translation>
    </message>
    <message>
        <source>DTEND has no time zone; read in DTSTART&apos;s: {end}</source>
        <translation>DTEND 没有时区；按 DTSTART 的时区读取：{end}</translation>
    </message>
    <message>
        <source>{name} {value} is not a list of dates or dates and times</source>
        <translation>{name} {value} 不是日期或日期时间的列表</translation>
    </message>
    <message>
        <source>DURATION {value} is not a length of time (e.g. PT1H30M)</source>
        <translation>DURATION {value} 不是时长（例如 PT1H30M）</translation>
    </message>
    <message>
        <source>DTSTART has no time zone; read in DTEND&apos;s: {start}</source>
        <translation>DTSTART 没有时区；按 DTEND 的时区读取：{start}</translation>
    </message>
    <message>
        <source>the repeat rule RRULE:{rule} has no occurrence in the {years} years after DTSTART ({start}); check its BY... parts, which may never match together</source>
        <translation>重复规则 RRULE:{rule} 在 DTSTART（{start}）之后的 {years} 年内一次也没有；请检查其 BY... 部分，它们可能永远不会同时满足</translation>
    </message>
    <message>
        <source>RRULE:{rule} goes on for more than {years} years; only its occurrences in the {years} years after DTSTART are imported</source>
        <translation>RRULE:{rule} 持续超过 {years} 年；只导入 DTSTART 之后 {years} 年内的各次活动</translation>
    </message>
    <message>
        <source>{property} {day!r} is not a date (YYYY-MM-DD); the session is listed on the day it starts</source>
        <translation>{property} {day!r} 不是日期（YYYY-MM-DD）；场次列在其开始的那一天</translation>
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
        <source>The kiosk settings (kiosk.toml) have an error. Correct it:</source>
        <translation>自助终端设置（kiosk.toml）有错误，请更正：</translation>
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
        <source>This guide trusts no key yet, so it loads no content pack. Add the content team&apos;s public key to trusted_keys in the update settings named below (on a kiosk, an administrator does this):</source>
        <translation>本指南尚未信任任何密钥，因此不会载入任何内容包。请将内容团队的公钥添加到下方所示更新设置文件的 trusted_keys 中（自助终端上由管理员添加）：</translation>
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
        <source>Show the content team&apos;s version %1...</source>
        <translation>改用内容团队的第 %1 版…</translation>
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
        <source>Other content was loaded while this file was being prepared, or the prepared copy is gone. Open the file again.</source>
        <translation>准备此文件期间已载入了其他内容，或准备好的副本已丢失。请重新打开文件。</translation>
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
    <message>
        <source>{where}: empty sheet; start from the guide&apos;s programme template, which the guide&apos;s command line writes (guide import --template 日程.xlsx)</source>
        <translation>{where}：工作表为空；请从本指南的日程模板开始填写（模板由本指南的命令行生成：guide import --template 日程.xlsx）</translation>
    </message>
    <message>
        <source>{where}: row 1 lacks the column(s) {columns}; give the sheet a header row with them, as the guide&apos;s programme template has (the guide&apos;s command line writes it: guide import --template 日程.xlsx)</source>
        <translation>{where}：第 1 行缺少 {columns} 列；请给工作表加上含这些列的标题行，如本指南的日程模板那样（模板由本指南的命令行生成：guide import --template 日程.xlsx）</translation>
    </message>
    <message>
        <source>{file}: none of its sheets ({sheets}) has the columns {first}, {second} in one of its first {rows} rows{hidden}; give the programme&apos;s sheet a header row with them, as the guide&apos;s programme template has (the guide&apos;s command line writes it: guide import --template 日程.xlsx)</source>
        <translation>{file}：所有工作表（{sheets}）的前 {rows} 行中都没有 {first}、{second} 列{hidden}；请给日程所在的工作表加上含这些列的标题行，如本指南的日程模板那样（模板由本指南的命令行生成：guide import --template 日程.xlsx）</translation>
    </message>
    <message>
        <source>looks like test data: its title {title!r} and its room {room!r} say test and it has no description; left out (give it a real title to import it)</source>
        <translation>看起来是测试数据：其标题 {title!r} 和会场 {room!r} 都表明是测试，且没有简介；未导入（如需导入，请给它一个真实的标题）</translation>
    </message>
</context>
</TS>
