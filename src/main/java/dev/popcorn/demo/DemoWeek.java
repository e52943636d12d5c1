package dev.popcorn.demo;

import dev.popcorn.app.PollStore;
import dev.popcorn.app.ReleaseStore;
import dev.popcorn.app.ReportStore;
import dev.popcorn.app.TeamStore;
import dev.popcorn.app.Transactions;
import dev.popcorn.app.UserStore;
import dev.popcorn.app.award.BallotStore;
import dev.popcorn.app.award.ManagePoll;
import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.participation.LevelOverrides;
import dev.popcorn.app.participation.ParticipationStore;
import dev.popcorn.app.participation.StandingReviews;
import dev.popcorn.app.release.OpenRelease;
import dev.popcorn.app.week.FunnelStore;
import dev.popcorn.domain.WeekCalendar;
import dev.popcorn.domain.award.Ballot;
import dev.popcorn.domain.award.Candidate;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.feedback.ExperienceReport;
import dev.popcorn.domain.feedback.FeatureVerdict;
import dev.popcorn.domain.feedback.Verdict;
import dev.popcorn.domain.participation.ParticipationEvent;
import dev.popcorn.domain.participation.ParticipationKind;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.release.Release;
import dev.popcorn.domain.team.Member;
import dev.popcorn.domain.team.Team;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Seeds a believable week so a newcomer sees the whole loop at once: four phone-OS teams with
 * photos (named in English and Chinese), last week's release with an approved Popcorn Award winner,
 * this Friday's release with eight features, a few hundred fans with reports, wishes and ballots,
 * and an open poll. What a visitor can check holds: each earlier award was approved the morning
 * after its own poll closed, every project has its own title and pitch in both languages, and no
 * two fans wrote the same comment. Deterministic (fixed random seed) and done once per database.
 */
public final class DemoWeek {

    /** Demo users printed at start, with no report or ballot yet, so a newcomer can take their place. */
    public static final List<String[]> SHOWCASE_USERS = List.of(
            new String[] {"demo-xiaoming", "小明 Xiaoming"},
            new String[] {"demo-lily", "Lily Zhao"},
            new String[] {"demo-alex", "Alex Chen"});

    /** Demo fans with a history, printed at start: a regular, a frequent and a casual one (their levels differ). */
    public static final List<String[]> SEASONED_USERS = List.of(
            new String[] {"demo-fan-002", "a regular"},
            new String[] {"demo-fan-015", "a frequent reporter"},
            new String[] {"demo-fan-050", "a casual reporter"});

    /** Each team: its slug, its name in English and in Chinese, its members. */
    private static final String[][] TEAMS = {
            {"camera", "Camera", "相机", "王磊 Wang Lei", "李娜 Li Na", "陈杰 Chen Jie"},
            {"messaging", "Messaging", "短信", "张伟 Zhang Wei", "刘洋 Liu Yang", "孙丽 Sun Li"},
            {"launcher", "Launcher", "桌面", "赵敏 Zhao Min", "周涛 Zhou Tao", "吴静 Wu Jing", "郑凯 Zheng Kai"},
            {"battery", "Battery", "电量", "黄勇 Huang Yong", "徐娟 Xu Juan"},
    };
    private static final int FIRST_MEMBER = 3;

    private static final String[][] THIS_WEEK = {
            {"MIUI-2041", "Night mode for the camera: brighter photos after dark", "camera", "相机夜景模式：天黑后也能拍出明亮的照片"},
            {"MIUI-2043", "Burst shots grouped in the gallery", "camera", "相册中的连拍照片自动归组"},
            {"MIUI-2050", "Verification codes in SMS copied with one tap", "messaging", "短信验证码一键复制"},
            {"MIUI-2052", "Block spam messages by keyword", "messaging", "按关键词拦截垃圾短信"},
            {"MIUI-2060", "Desktop folders with large icons", "launcher", "桌面文件夹支持大图标"},
            {"MIUI-2061", "Swipe down anywhere on the desktop to search", "launcher", "桌面任意位置下滑即可搜索"},
            {"MIUI-2070", "Battery use per app, hour by hour", "battery", "按小时查看每个应用的耗电"},
            {"MIUI-2072", "Quiet charging at night", "battery", "夜间静音充电"},
    };

    private static final String[][] LAST_WEEK = {
            {"MIUI-1988", "Shutter sound can be turned off", "camera", "可以关闭快门声"},
            {"MIUI-1990", "Group messages show who has read them", "messaging", "群消息显示谁已读"},
            {"MIUI-1994", "Scheduled messages", "messaging", "定时发送短信"},
            {"MIUI-2002", "Lock the desktop layout", "launcher", "锁定桌面布局"},
            {"MIUI-2010", "Power-saving mode keeps alarms on", "battery", "省电模式下闹钟照常响"},
            {"MIUI-2011", "Charging estimate on the lock screen", "battery", "锁屏显示预计充满时间"},
    };

    /** Each team's candidate project per week, in the order of {@link #TEAMS}: a title, a one-line pitch, both in Chinese. */
    private static final String[][] THIS_WEEK_PROJECTS = {
            {"Night camera", "Photos after dark that look like daylight.", "夜景相机", "天黑后拍的照片也像白天一样亮。"},
            {"One-tap verification codes", "Never type a verification code again.", "验证码一键填", "再也不用手动输入验证码。"},
            {"Big folders, quick search", "A desktop that fits the way you work.", "大文件夹，快搜索", "按你的习惯摆放的桌面。"},
            {"Battery, hour by hour", "Know where your battery goes, and charge quietly at night.", "每小时的电量",
                    "知道电都用在哪儿，夜里安静地充电。"},
    };

    private static final String[][] LAST_WEEK_PROJECTS = {
            {"Silent shutter", "Take photos in a library without a sound.", "静音快门", "在图书馆拍照也不出声。"},
            {"Read receipts and scheduled messages", "Know who read it; send it when it matters.", "已读回执与定时短信",
                    "知道谁读了；在合适的时候发出。"},
            {"Locked desktop", "Children can no longer rearrange your icons.", "锁定桌面", "孩子再也弄乱不了你的图标。"},
            {"Alarms that survive power saving", "Save battery and still wake up on time.", "省电也不误闹钟", "省电也能按时起床。"},
    };

    /** What fans say about each feature, liked and not good enough, in both languages: three of each. */
    private static final Map<String, String[][]> COMMENTS = Map.ofEntries(
            Map.entry("MIUI-2041", new String[][] {
                    {"夜景清楚多了", "Night shots are finally usable", "Much sharper in low light"},
                    {"夜景模式拍照要等好几秒", "暗光下还是有噪点", "Takes long to save night photos"}}),
            Map.entry("MIUI-2043", new String[][] {
                    {"连拍分组很方便", "My gallery is tidy at last", "一组照片一眼就能看完"},
                    {"Burst groups hide my best shot", "希望能自定义分组", "分组后找不到单张照片"}}),
            Map.entry("MIUI-2050", new String[][] {
                    {"验证码一键复制太方便了", "No more typing codes!", "Works with every bank I use"},
                    {"Missed some codes from my bank", "有的验证码识别不出来", "Copies the wrong number sometimes"}}),
            Map.entry("MIUI-2052", new String[][] {
                    {"垃圾短信少多了", "Keyword blocking works well", "终于清净了"},
                    {"把正常短信也拦截了", "Can't block by sender name", "希望能自定义关键词"}}),
            Map.entry("MIUI-2060", new String[][] {
                    {"大文件夹很好用", "Love the big icons", "桌面整洁多了"},
                    {"图标太大了", "Folders too big on small screens", "希望文件夹能改颜色"}}),
            Map.entry("MIUI-2061", new String[][] {
                    {"Search from anywhere is fast", "下滑就能搜，很顺手", "Finds apps and settings alike"},
                    {"下拉搜索和通知栏冲突", "Search misses my apps", "有时候会卡一下"}}),
            Map.entry("MIUI-2070", new String[][] {
                    {"终于知道哪个应用耗电了", "Great detail per app", "按小时显示很清楚"},
                    {"耗电统计有延迟", "Chart hard to read in dark mode", "希望能导出数据"}}),
            Map.entry("MIUI-2072", new String[][] {
                    {"Quiet charging: no more buzzing at night", "晚上充电没声音了", "Battery stays cooler overnight"},
                    {"安静充电太慢了", "Not fully charged by morning", "希望能设定充电时间"}}),
            Map.entry("MIUI-1988", new String[][] {
                    {"图书馆里拍照不再尴尬", "Finally a silent shutter", "静音快门太棒了"},
                    {"关掉后连录像提示音也没了", "Some regions still force the sound", "希望锁屏时也能生效"}}),
            Map.entry("MIUI-1990", new String[][] {
                    {"群里谁看了一目了然", "Read receipts in groups help a lot", "终于不用挨个问了"},
                    {"Can't turn it off for one group", "隐私上有点担心", "已读人数有时不准"}}),
            Map.entry("MIUI-1994", new String[][] {
                    {"定时发送生日祝福很方便", "Scheduled messages are so useful", "再也不会忘记发了"},
                    {"Can't edit a scheduled message", "定时列表不好找", "Sent an hour late after a time change"}}),
            Map.entry("MIUI-2002", new String[][] {
                    {"孩子再也弄乱不了桌面了", "Locked layout saves my sanity", "锁定后很安心"},
                    {"锁定后想改得先解锁，有点麻烦", "New apps still land on page one", "Widgets can still be moved"}}),
            Map.entry("MIUI-2010", new String[][] {
                    {"省电模式下闹钟照常响", "Alarms finally survive power saving", "再也没迟到过"},
                    {"Other reminders still get killed", "省电模式开关不好找", "希望日历提醒也能保留"}}),
            Map.entry("MIUI-2011", new String[][] {
                    {"锁屏就能看到还要充多久", "The estimate is spot on", "很实用的小功能"},
                    {"Estimate jumps around at first", "快充时估计不准", "字太小了"}}));

    /**
     * The earlier weeks, oldest first, one row per team in the order of {@link #TEAMS}: the feature each team shipped
     * (its summary in English and Chinese), the project that stood for the award (title and pitch, in English and
     * Chinese), and what one fan liked and one found not good enough about it.
     */
    private static final String[][][] EARLIER = {
            {{"Open the camera from the lock screen in half a second", "锁屏半秒打开相机", "Camera in half a second", "半秒开相机",
                    "Double-press the volume key and shoot.", "双击音量键，马上拍。", "锁屏双击就能拍，抓拍猫很方便",
                    "Sometimes opens by itself in my pocket"},
                    {"Search text messages by sender or word", "短信按发件人或关键词搜索", "Search your messages", "短信一搜就有",
                            "Find last month's delivery code in a second.", "上个月的取件码，一搜就找到。", "找快递短信快多了",
                            "Search doesn't look inside MMS"},
                    {"App drawer sorted by how often you use each app", "应用抽屉按使用频率排序", "Your apps, in your order",
                            "常用应用排在前面", "The apps you open most are the first you see.", "最常用的应用，第一眼就看到。", "找应用快多了",
                            "The order changes too often"},
                    {"Battery health shown in Settings", "设置中显示电池健康度", "Battery health at a glance", "电池健康一目了然",
                            "Know how your battery is ageing.", "了解你的电池老化到什么程度。", "知道电池还有 92% 很安心",
                            "Wish it showed the charge cycles too"}},
            {{"Document scans straighten the page", "文档扫描自动拉正", "Straight scans", "文档自动拉正",
                    "Photograph a page at an angle, get it square.", "斜着拍的文件也能自动摆正。", "Scanned my lease in seconds",
                    "边缘识别有时会切掉一角"},
                    {"Parcel notifications grouped into one card", "快递通知合并成一张卡片", "One card for your parcels", "快递一张卡片",
                            "Every parcel in one place, not ten messages.", "所有快递在一张卡片里，不再是十条短信。",
                            "Love seeing all my parcels together", "有的快递公司识别不出来"},
                    {"Hide apps from the desktop", "在桌面隐藏应用", "Hidden apps", "隐藏应用",
                            "Keep the desktop for what you use.",
                            "桌面只放你常用的。", "Hid all the preinstalled games", "隐藏以后找回来的入口太深了"},
                    {"Stop charging at 80% overnight", "夜间充到 80% 暂停", "Gentle overnight charging", "夜间养护充电",
                            "A longer-lived battery, still full when you wake up.", "电池更耐用，起床时照样充满。",
                            "Battery health stopped dropping", "有一天早上只充到了 80%"}},
            {{"Portrait mode blurs the background more naturally", "人像模式背景虚化更自然", "Natural portraits", "更自然的人像",
                    "Hair stays sharp, the background goes soft.", "发丝清晰，背景柔和。", "头发边缘终于不糊了",
                    "Glasses still get blurred at the edges"},
                    {"Reply from the notification with quick answers", "在通知栏快捷回复", "Quick replies", "一键回复",
                            "Answer \"On my way\" without opening the app.", "不用打开应用就能回“马上到”。", "在地铁上单手回消息方便多了",
                            "Can't edit the quick answers"},
                    {"Widgets resize freely", "小部件自由调整大小", "Widgets your size", "随心大小的小部件",
                            "Make the weather big and the clock small.", "天气放大，时钟缩小。", "天气小部件终于能放大了",
                            "Some widgets still come in one size only"},
                    {"Apps that drain the battery in the background are flagged", "标出在后台耗电的应用",
                            "Catch the battery hogs",
                            "揪出耗电大户", "See which app kept your phone awake all night.", "看看是哪个应用让手机一夜没睡。",
                            "原来是一个天气应用在偷偷耗电", "It flags my music app while I'm listening"}},
            {{"QR codes read straight from the viewfinder", "相机取景框直接识别二维码", "Scan without an app", "不开应用也能扫码",
                    "Point the camera at a code and tap the link.", "对准二维码，点一下就打开。",
                    "No more opening a chat app just to scan", "识别太灵敏，拍照时老弹出链接"},
                    {"Pin important conversations", "重要会话置顶", "Pinned conversations", "会话置顶", "Family on top, always.",
                            "家人的消息永远在最上面。", "把爸妈置顶了，再也不会漏看", "Only three conversations can be pinned"},
                    {"Icon packs from the theme store on the desktop", "桌面可用主题商店的图标包", "Icon packs", "换图标包",
                            "A new look without a new phone.", "不换手机，也能换个新样子。", "The minimal icons look great",
                            "第三方应用的图标没有换"},
                    {"Power saving keeps notifications from chat apps", "省电模式保留聊天应用的通知", "Saving power, not messages",
                            "省电不漏消息", "Save battery and still hear from your family.", "省电的同时，不漏家人的消息。",
                            "No more missed messages on power saving", "消息还是会晚到几分钟"}},
            {{"Self-timer with a countdown you can see", "定时拍照显示倒计时", "A countdown you can see", "看得见的倒计时",
                    "Group photos where nobody is caught blinking.", "合照再也不会有人闭眼。", "倒计时数字很大，站远了也看得清",
                    "Wish there were a 3-second option"},
                    {"Photos in messages sent at full quality over Wi-Fi", "连接 Wi-Fi 时发送原图", "Full-quality photos",
                            "原图发送",
                            "Sharp photos whenever the network allows.", "网络允许时，照片不再被压缩。",
                            "Grandma can finally zoom into the photos", "用流量的时候也想发原图"},
                    {"Double-tap the desktop to lock the screen", "双击桌面锁屏", "Double-tap to lock", "双击锁屏",
                            "Lock the phone without reaching for the button.", "不用按电源键也能锁屏。", "电源键终于不用天天按了",
                            "Locks when I tap a widget too fast"},
                    {"Charging power shown while charging", "充电时显示充电功率", "See how fast it charges", "看得见的充电速度",
                            "Watts on the lock screen: is it the cable or the charger?", "锁屏显示功率：是线的问题还是充电头的问题？",
                            "一看就知道是数据线坏了", "The number jumps around a lot"}},
            {{"Pro mode remembers its settings", "专业模式记住上次的参数", "Pro mode that remembers", "记得你的专业参数",
                    "Your ISO and shutter speed, where you left them.", "ISO 和快门速度，还是你上次的设置。",
                    "Saves me a minute on every night shoot", "重启手机后参数还是会丢"},
                    {"Verification codes deleted after 24 hours", "验证码短信 24 小时后自动删除",
                            "Codes that clean up after themselves",
                            "验证码自动清理", "Your inbox keeps the messages that matter.", "收件箱只留下重要的短信。", "收件箱清爽多了",
                            "Deleted a code I still needed"},
                    {"Recent apps show a bigger preview", "最近任务的预览更大", "Bigger recent apps", "更大的多任务预览",
                            "See where you left off before you switch.", "切换之前就看清停在哪一页。",
                            "Switching between the map and a chat is easier", "一屏只能看到两个应用了"},
                    {"Less battery used with the screen off", "息屏耗电降低", "Quieter nights", "夜里更省电",
                            "Lose less battery while the phone sleeps.", "手机睡着的时候，少掉一点电。", "Only lost 3% overnight",
                            "开了息屏显示就没什么区别"}},
            {{"Video stabilisation while walking", "走路拍视频更稳", "Steady walking videos", "边走边拍也稳",
                    "Film as you walk, without the shake.", "边走边拍，画面不抖。", "拍孩子跑步也不晕了",
                    "It crops the picture more than I expected"},
                    {"Each message shows which SIM it came to", "每条短信显示来自哪张卡", "Which SIM?", "哪张卡收的",
                            "See at a glance which number a message was sent to.", "一眼看出短信发到了哪个号码。",
                            "Work and personal numbers are finally easy to tell apart", "卡的标签颜色太淡了"},
                    {"Up to six columns of icons on the desktop", "桌面最多六列图标", "More room on the desktop", "桌面放得更多",
                            "Six apps to a row, if you like it dense.", "一行放六个，喜欢紧凑的就选它。", "六列刚好放下我所有常用的应用",
                            "Labels get cut off at six columns"},
                    {"Low-battery warning at a level you choose", "低电量提醒可以自定义", "Your own low-battery warning",
                            "自定义低电量提醒", "Be warned at 30%, not 10%.", "在 30% 时提醒你，而不是 10%。", "设成 25% 刚刚好",
                            "The warning sound can't be changed"}},
            {{"Search the gallery by what is in the photo", "相册按画面内容搜索", "Find a photo by what's in it",
                    "搜“猫”就找到猫", "Type \"cat\" and find every cat.", "输入“猫”，所有猫的照片都在这里。",
                    "Found my passport photo in five seconds", "搜“海”会把蓝天也算进去"},
                    {"Emoji suggestions while typing", "输入时推荐表情", "Emoji as you type", "边打字边推荐表情",
                            "Type \"happy birthday\", get a cake.", "打“生日快乐”，蛋糕就来了。", "我妈现在发消息全是表情了",
                            "The suggestions cover the keyboard"},
                    {"Folders suggest their own name", "文件夹自动起名", "Folders that name themselves", "自动命名的文件夹",
                            "Put two games together and get a folder called Games.", "把两个游戏放在一起，文件夹就叫“游戏”。",
                            "The names are surprisingly good", "把地图和打车放在一起，起名叫“工具”"},
                    {"Reverse wireless charging for earbuds", "反向无线充电，给耳机充电", "Share your battery", "给耳机分点电",
                            "Lay your earbuds on the back of the phone.", "耳机放在手机背面就能充。", "Saved me on a long flight",
                            "给耳机充电太慢了"}},
            {{"Macro focus closer to the lens", "微距对焦更近", "Closer macro", "更近的微距",
                    "Flowers, insects and fabric, up close.", "花草、昆虫、布料，近在眼前。", "拍到了蚂蚁的触角",
                    "Hard to hold the phone steady that close"},
                    {"Block unknown numbers from abroad", "拦截境外陌生号码", "Quiet from abroad", "拦截境外骚扰",
                            "No more calls at 3 a.m. from numbers you never knew.", "半夜三点的陌生境外来电，统统拦下。",
                            "One setting and the scam calls stopped", "把出差同事的电话也拦了"},
                    {"Landscape desktop on large phones", "大屏手机桌面支持横屏", "The desktop, sideways", "横屏桌面",
                            "Turn the phone and the desktop turns with it.", "手机一转，桌面跟着转。", "躺着看视频切应用不用转手机了",
                            "Widgets jump around after rotating"},
                    {"Battery use by app over the last seven days", "查看近 7 天各应用的耗电", "A week of battery", "一周耗电记录",
                            "Not just today: see the whole week.", "不止今天，看看整整一周。", "发现短视频应用一周用掉了一半的电",
                            "The chart is too small on my phone"}},
            {{"The date and place watermark can be turned off", "可以关闭日期和地点水印", "Your watermark, your way", "水印随你",
                    "Keep the date, drop the place, or neither.", "保留日期、去掉地点，或者都不要。",
                    "Finally photos without the phone's name on them", "水印字体不能改"},
                    {"Messages read aloud", "朗读短信", "Messages, read aloud", "短信朗读",
                            "Hear your messages when your hands are busy.",
                            "手上忙的时候，听短信。", "做饭时听消息很方便", "The voice reads numbers one digit at a time"},
                    {"Suggests cleaning up apps you no longer use", "提醒清理长期不用的应用", "Tidy up your apps", "清理不用的应用",
                            "Apps you haven't opened in three months, gathered for you to decide.",
                            "三个月没打开的应用，集中起来由你决定。",
                            "Freed 4 GB in one go", "把我一年只用一次的报税应用也列进去了"},
                    {"Games run cooler on battery saver", "省电模式下玩游戏更凉快", "Cooler gaming", "玩游戏不烫手",
                            "Play longer, and still hold the phone comfortably.", "玩得更久，手机也不烫手。", "打一局下来手机不烫了",
                            "The frame rate drops a bit too much"}},
    };

    private static final String[] WISHES = {
            "Dual SIM: choose the SIM per contact 双卡按联系人选择",
            "Call recording 通话录音",
            "A dark theme for the whole system 全局深色模式",
            "Show network speed in the status bar 状态栏显示网速",
            "Lock individual apps with a password 应用加密",
            "Back up SMS to the cloud 短信云备份",
            "One-handed mode 单手模式",
            "Bigger fonts for my parents 老人大字体",
    };

    private static final String[] GIVEN = {"Xiao", "Mei", "Hao", "Jun", "Lan", "Wei", "Ying", "Tao", "Qing", "Fang",
            "Anna", "Ben", "Cathy", "David", "Emma", "Frank", "Grace", "Henry", "Ivy", "Jack"};
    private static final String[] FAMILY = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou",
            "Xu", "Sun", "Ma", "Zhu", "Hu"};

    private static final int FANS = 300;

    /** Earlier weekly releases, so that levels, streaks and badges have a history to stand on. */
    private static final int HISTORY = 10;

    /** How often fans take part in the earlier releases, by their place in the list: regulars, frequent, casual. */
    private static final int[][] HABITS = {{10, 100}, {40, 75}, {110, 30}};

    /** How long after a poll closed its lead approved it: the next morning, a few minutes later or earlier each week. */
    private static final Duration APPROVED_AFTER_CLOSE = Duration.ofHours(9).plusMinutes(31);

    private final Transactions transactions;
    private final TeamStore teams;
    private final UserStore users;
    private final ReleaseStore releases;
    private final ReportStore reports;
    private final PollStore polls;
    private final BallotStore ballots;
    private final ParticipationStore participation;
    private final FunnelStore funnel;
    private final OpenRelease openRelease;
    private final HandInReport handIn;
    private final StandingReviews standing;
    private final LevelOverrides levels;
    private final ManagePoll managePoll;
    private final WeekCalendar calendar;
    private final Clock clock;
    private final Path photos;
    /** Every random choice of the demo; the earlier weeks draw from a stream of their own (see {@link #seedHistory}). */
    private Random random = new Random(20101);
    /** What fans say about each feature: this and last week's, then the earlier weeks' as they are seeded. */
    private final Map<String, String[][]> comments = new HashMap<>(COMMENTS);
    /** The comments written so far: no two fans write the same sentence. */
    private final Set<String> written = new HashSet<>();

    /** The ports the demo writes through. */
    public record Stores(Transactions transactions, TeamStore teams, UserStore users, ReleaseStore releases,
            ReportStore reports, PollStore polls, BallotStore ballots, ParticipationStore participation,
            FunnelStore funnel) {
    }

    public DemoWeek(Stores stores, OpenRelease openRelease, ManagePoll managePoll, HandInReport handIn,
            StandingReviews standing,
            LevelOverrides levels, WeekCalendar calendar, Clock clock, Path photos) {
        this.handIn = handIn;
        this.standing = standing;
        this.levels = levels;
        this.transactions = stores.transactions();
        this.teams = stores.teams();
        this.users = stores.users();
        this.releases = stores.releases();
        this.reports = stores.reports();
        this.polls = stores.polls();
        this.ballots = stores.ballots();
        this.participation = stores.participation();
        this.funnel = stores.funnel();
        this.openRelease = openRelease;
        this.managePoll = managePoll;
        this.calendar = calendar;
        this.clock = clock;
        this.photos = photos;
    }

    /** Seeds the week unless this database has it already. */
    public void seed() {
        Instant now = clock.instant();
        Instant shipped = calendar.lastReleaseAtOrBefore(now);
        String version = version(shipped);
        if (releases.findByVersion(version).isPresent()) {
            return;
        }
        seedTeams();
        List<String> fans = seedFans(now);

        Instant lastShipped = shipped.minus(Duration.ofDays(7));
        seedHistory(fans, lastShipped);
        Release last = openRelease.openShippedAt(version(lastShipped), features(LAST_WEEK), lastShipped, "demo")
                .release();
        seedReports(last, fans.subList(0, 220), lastShipped, last.reportsCloseAt(), true);
        for (String fan : fans.subList(0, 220)) {
            standing.review(fan, last.reportsCloseAt());
        }
        Poll lastPoll = seedPoll(last, LAST_WEEK_PROJECTS, new int[] {35, 48, 20, 27}, fans.subList(40, 290),
                polls.findByRelease(last.id()).orElseThrow().closesAt().minusSeconds(60));
        managePoll.approveAsOf(lastPoll.id(), "lead", closedAndReviewed(lastPoll, 0));

        Release current = openRelease.openShippedAt(version, features(THIS_WEEK), shipped, "demo").release();
        Instant reportsUntil = now.isBefore(current.reportsCloseAt()) ? now : current.reportsCloseAt();
        seedReports(current, fans.subList(0, 180), shipped, reportsUntil, false);
        Instant pollCloses = polls.findByRelease(current.id()).orElseThrow().closesAt();
        seedPoll(current, THIS_WEEK_PROJECTS, new int[] {40, 30, 18, 12}, fans.subList(60, 280),
                now.isBefore(pollCloses) ? now : pollCloses.minusSeconds(60));
        seedVisits(current, fans, shipped, reportsUntil);
        seedStanding(fans, last, current);
    }

    /**
     * Who opened this week's release page (the top of the lead's funnel): everyone who reported or
     * voted, before they did, and some who only looked.
     */
    private void seedVisits(Release current, List<String> fans, Instant shipped, Instant until) {
        long pollId = polls.findByRelease(current.id()).orElseThrow().id();
        for (int n = 0; n < fans.size(); n++) {
            String fan = fans.get(n);
            boolean acted = reports.find(current.id(), fan).isPresent() || ballots.find(pollId, fan).isPresent();
            if (acted || random.nextInt(100) < 60) {
                funnel.visit(current.id(), fan, between(shipped, until));
            }
        }
    }

    /**
     * Ten earlier Fridays, each with a release of one feature per team, reports by the fans whose habit
     * brings them that week, and an approved poll: regulars report every week (long streaks, the top
     * levels), frequent fans most weeks (a freeze or two used), casual ones now and then.
     */
    private void seedHistory(List<String> fans, Instant lastShipped) {
        // Their own random numbers, so that last week and this week come out as they would without them.
        Random weeks = random;
        random = new Random(2011);
        try {
            seedWeeks(fans, lastShipped);
        } finally {
            random = weeks;
        }
    }

    private void seedWeeks(List<String> fans, Instant lastShipped) {
        for (int week = HISTORY; week >= 1; week--) {
            Instant shipped = lastShipped.minus(Duration.ofDays(7L * week));
            List<Feature> features = new ArrayList<>();
            String[][] projects = new String[TEAMS.length][];
            for (int t = 0; t < TEAMS.length; t++) {
                String[] shippedThen = EARLIER[HISTORY - week][t];
                String key = String.format("MIUI-%d", 1800 + week * 10 + t);
                features.add(new Feature(key, shippedThen[0], shippedThen[1], TEAMS[t][0]));
                projects[t] = new String[] {shippedThen[2], shippedThen[4], shippedThen[3], shippedThen[5]};
                comments.put(key, new String[][] {{shippedThen[6]}, {shippedThen[7]}});
            }
            Release release = openRelease.openShippedAt(version(shipped), features, shipped, "demo").release();
            List<String> taking = new ArrayList<>();
            for (int n = 0; n < fans.size(); n++) {
                if (random.nextInt(100) < habit(n)) {
                    taking.add(fans.get(n));
                }
            }
            seedReports(release, taking, shipped, release.reportsCloseAt(), false);
            Poll poll = seedPoll(release, projects, new int[] {25 + week, 20, 15 + 2 * week, 18}, taking,
                    polls.findByRelease(release.id()).orElseThrow().closesAt().minusSeconds(60));
            managePoll.approveWithoutAnnouncing(poll.id(), "lead", closedAndReviewed(poll, week));
            // Each week's badges, streak bonuses and levels come when that week's reports closed.
            for (String fan : taking) {
                standing.review(fan, release.reportsCloseAt());
            }
        }
    }

    /**
     * When the lead approved a poll of {@code weeksAgo} weeks before last week: it is closed when its time came (as the
     * schedule records it), and approved the next morning, never later than now.
     */
    private Instant closedAndReviewed(Poll poll, int weeksAgo) {
        polls.markClosed(poll.id(), poll.closesAt());
        Instant approved = poll.closesAt().plus(APPROVED_AFTER_CLOSE).plus(Duration.ofMinutes((weeksAgo * 17L) % 53));
        Instant now = clock.instant();
        return approved.isAfter(now) ? now : approved;
    }

    /** How likely fan number {@code n} takes part in an earlier week, in percent. */
    private static int habit(int n) {
        for (int[] habit : HABITS) {
            if (n < habit[0]) {
                return habit[1];
            }
        }
        return 0;
    }

    /**
     * What the week's history earns: a lead marks a few reports helpful (the regulars' first, so they
     * reach the top earned level), every fan's standing is reviewed (streak bonuses, badges, levels),
     * and one regular is made honorary by hand.
     */
    private void seedStanding(List<String> fans, Release last, Release current) {
        for (int n = 0; n < 10; n++) {
            if (reports.find(last.id(), fans.get(n)).isPresent()) {
                handIn.markHelpful(last.id(), fans.get(n), "lead");
            }
        }
        for (int n = 10; n < 16; n++) {
            if (reports.find(current.id(), fans.get(n)).isPresent()) {
                handIn.markHelpful(current.id(), fans.get(n), "lead");
            }
        }
        standing.reviewAll();
        levels.lock(fans.get(0), "honorary", "Runs the beta testers' group on the forum", "lead");
    }

    private void seedTeams() {
        for (String[] row : TEAMS) {
            List<Member> members = new ArrayList<>();
            for (int i = FIRST_MEMBER; i < row.length; i++) {
                String file = row[0] + "-" + (i - FIRST_MEMBER + 1) + ".png";
                writePhoto(file, row[i]);
                members.add(new Member(row[i], "/photos/" + file));
            }
            teams.save(new Team(row[0], row[1], row[2], members));
        }
    }

    private List<String> seedFans(Instant now) {
        List<String> fans = new ArrayList<>();
        for (String[] user : SHOWCASE_USERS) {
            users.upsert(user[0], user[1], now.minus(Duration.ofDays(30)));
        }
        for (int i = 1; i <= FANS; i++) {
            String id = String.format("demo-fan-%03d", i);
            String name = GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)];
            users.upsert(id, name, now.minus(Duration.ofDays(10 + random.nextInt(300))));
            fans.add(id);
        }
        return fans;
    }

    private static List<Feature> features(String[][] rows) {
        List<Feature> features = new ArrayList<>();
        for (String[] row : rows) {
            features.add(new Feature(row[0], row[1], row[3], row[2]));
        }
        return features;
    }

    /** Reports by {@code fans} between the two instants; with {@code fileWishes}, every 25th fan files a new wish. */
    private void seedReports(Release release, List<String> fans, Instant from, Instant until, boolean fileWishes) {
        transactions.inTransaction(() -> {
            List<Long> wishIds = new ArrayList<>(reports.topWishes(100).stream().map(w -> w.id()).toList());
            for (int n = 0; n < fans.size(); n++) {
                String fan = fans.get(n);
                Instant at = between(from, until);
                List<FeatureVerdict> verdicts = new ArrayList<>();
                for (int f = 0; f < release.features().size(); f++) {
                    if (random.nextInt(100) < 55) {
                        boolean like = random.nextInt(100) < 50 + (f * 37) % 45;
                        String[][] said = comments.get(release.features().get(f).key());
                        String comment = random.nextInt(100) < 20 ? unwritten(like ? said[0] : said[1]) : "";
                        verdicts.add(new FeatureVerdict(release.features().get(f).key(),
                                like ? Verdict.LIKE : Verdict.NOT_GOOD_ENOUGH, comment));
                    }
                }
                List<String> newWishes = new ArrayList<>();
                List<Long> supported = new ArrayList<>();
                if (fileWishes && n % 25 == 0 && n / 25 < WISHES.length) {
                    newWishes.add(WISHES[n / 25]);
                } else if (!wishIds.isEmpty() && random.nextInt(100) < 40) {
                    // Earlier wishes gather more support: a skewed pick favours the first ones.
                    supported.add(wishIds.get(random.nextInt(1 + random.nextInt(wishIds.size()))));
                }
                ExperienceReport report = new ExperienceReport(fan, release.id(), verdicts, supported, newWishes);
                if (report.isEmpty()) {
                    continue;
                }
                // Each seeded wish is new words of its fan's: filed as such, then supported by the report.
                for (String text : report.newWishes()) {
                    supported.add(reports.fileWish(text, fan, release.id(), at));
                }
                reports.save(new ExperienceReport(fan, release.id(), verdicts, supported, List.of()), at);
                participation.record(
                        ParticipationEvent.of(fan, ParticipationKind.REPORT_HANDED_IN, "release:" + release.id(), at));
                if (!verdicts.isEmpty() && report.fingerprint() != null) {
                    participation.record(ParticipationEvent.of(fan, ParticipationKind.REPORT_WRITTEN,
                            "release:" + release.id(), at));
                }
                if (!newWishes.isEmpty()) {
                    wishIds = new ArrayList<>(reports.topWishes(100).stream().map(w -> w.id()).sorted().toList());
                }
            }
            return null;
        });
    }

    /**
     * Gives the candidates proposed from the release their project titles and pitches, opens the
     * poll at its opening time if that has come, and casts weighted ballots until {@code votesUntil}.
     */
    private Poll seedPoll(Release release, String[][] projects, int[] weights, List<String> voters,
            Instant votesUntil) {
        Poll draft = polls.findByRelease(release.id()).orElseThrow();
        List<Candidate> candidates = new ArrayList<>();
        for (int t = 0; t < TEAMS.length; t++) {
            String team = TEAMS[t][0];
            Candidate proposed = draft.candidates().stream().filter(c -> c.teamSlug().equals(team)).findFirst()
                    .orElseThrow();
            candidates.add(managePoll.editCandidate(draft.id(), proposed.id(), projects[t][0], projects[t][2],
                    proposed.tickets(),
                    projects[t][1], projects[t][3], "lead"));
        }
        Instant opens = draft.opensAt();
        if (votesUntil.isBefore(opens)) {
            return polls.find(draft.id()).orElseThrow();
        }
        polls.markOpened(draft.id(), opens);
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int sum = total;
        transactions.inTransaction(() -> {
            for (String voter : voters) {
                int pick = random.nextInt(sum);
                int index = 0;
                while (pick >= weights[index]) {
                    pick -= weights[index++];
                }
                Instant at = between(opens, votesUntil);
                ballots.put(
                        new Ballot(draft.id(), voter, candidates.get(index).id(), at, "DEMO-" + voter.substring(9)));
                participation
                        .record(ParticipationEvent.of(voter, ParticipationKind.BALLOT_CAST, "poll:" + draft.id(), at));
            }
            return null;
        });
        return polls.find(draft.id()).orElseThrow();
    }

    /**
     * One of {@code sentences} nobody wrote yet, from a random place on; empty once each was written (a fan who has
     * nothing new to say gives the verdict alone).
     */
    private String unwritten(String[] sentences) {
        int first = random.nextInt(sentences.length);
        for (int k = 0; k < sentences.length; k++) {
            String sentence = sentences[(first + k) % sentences.length];
            if (written.add(sentence)) {
                return sentence;
            }
        }
        return "";
    }

    private Instant between(Instant from, Instant until) {
        long span = Math.max(1, Duration.between(from, until).getSeconds());
        return from.plusSeconds((long) (random.nextDouble() * span));
    }

    private String version(Instant shipped) {
        return shipped.atZone(calendar.zone()).toLocalDate().toString().replace('-', '.');
    }

    /** A photo for a member: their initials on a colour of their own (the demo has no real photos). */
    private void writePhoto(String file, String name) {
        String[] words = name.split(" ");
        String initials = words.length >= 3
                ? "" + words[1].charAt(0) + words[2].charAt(0)
                : name.substring(0, 1);
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.getHSBColor((name.hashCode() & 0xffff) / 65536f, 0.55f, 0.85f));
        g.fillRect(0, 0, 256, 256);
        g.setColor(new Color(255, 255, 255, 60));
        g.fillOval(48, 150, 160, 160);
        g.fillOval(88, 60, 80, 80);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 96));
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(initials, (256 - metrics.stringWidth(initials)) / 2, 128 + metrics.getAscent() / 3);
        g.dispose();
        try {
            Files.createDirectories(photos);
            ImageIO.write(image, "png", photos.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
