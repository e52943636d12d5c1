package dev.popcorn.demo;

import dev.popcorn.app.award.BallotStore;
import dev.popcorn.app.award.ManagePoll;
import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.participation.Standing;
import dev.popcorn.app.week.FunnelStore;
import dev.popcorn.app.release.OpenRelease;
import dev.popcorn.app.participation.ParticipationStore;
import dev.popcorn.app.PollStore;
import dev.popcorn.app.ReleaseStore;
import dev.popcorn.app.ReportStore;
import dev.popcorn.app.TeamStore;
import dev.popcorn.app.Transactions;
import dev.popcorn.app.UserStore;
import dev.popcorn.domain.Ballot;
import dev.popcorn.domain.Candidate;
import dev.popcorn.domain.ExperienceReport;
import dev.popcorn.domain.Feature;
import dev.popcorn.domain.FeatureVerdict;
import dev.popcorn.domain.Member;
import dev.popcorn.domain.ParticipationEvent;
import dev.popcorn.domain.ParticipationKind;
import dev.popcorn.domain.Poll;
import dev.popcorn.domain.PollState;
import dev.popcorn.domain.Release;
import dev.popcorn.domain.Team;
import dev.popcorn.domain.Verdict;
import dev.popcorn.domain.WeekCalendar;
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
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Seeds a believable week so a newcomer sees the whole loop at once: four phone-OS teams with
 * photos, last week's release with an approved Popcorn Award winner, this Friday's release with
 * eight features, a few hundred fans with reports, wishes and ballots, and an open poll.
 * Deterministic (fixed random seed) and done once per database.
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

    private static final String[][] TEAMS = {
        {"camera", "Camera 相机", "王磊 Wang Lei", "李娜 Li Na", "陈杰 Chen Jie"},
        {"messaging", "Messaging 短信", "张伟 Zhang Wei", "刘洋 Liu Yang", "孙丽 Sun Li"},
        {"launcher", "Launcher 桌面", "赵敏 Zhao Min", "周涛 Zhou Tao", "吴静 Wu Jing", "郑凯 Zheng Kai"},
        {"battery", "Battery 电量", "黄勇 Huang Yong", "徐娟 Xu Juan"},
    };

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
        {"Battery, hour by hour", "Know where your battery goes, and charge quietly at night.", "每小时的电量", "知道电都用在哪儿，夜里安静地充电。"},
    };

    private static final String[][] LAST_WEEK_PROJECTS = {
        {"Silent shutter", "Take photos in a library without a sound.", "静音快门", "在图书馆拍照也不出声。"},
        {"Read receipts and scheduled messages", "Know who read it; send it when it matters.", "已读回执与定时短信", "知道谁读了；在合适的时候发出。"},
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

    /** For the earlier weeks' features: what fans say of a smoother, faster part of the phone. */
    private static final String[][] ANY_FEATURE = {
        {"确实更流畅了", "Feels faster this week", "Smooth!"},
        {"还是有点卡", "Still lags now and then", "希望再快一点"}};

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

    private static final String[] HISTORY_AREAS = {"camera", "messaging", "desktop", "battery"};
    private static final String[] HISTORY_AREAS_ZH = {"相机", "短信", "桌面", "电量"};

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
    private final Standing standing;
    private final ManagePoll managePoll;
    private final WeekCalendar calendar;
    private final Clock clock;
    private final Path photos;
    /** Every random choice of the demo; the earlier weeks draw from a stream of their own (see {@link #seedHistory}). */
    private Random random = new Random(20101);

    /** The ports the demo writes through. */
    public record Stores(Transactions transactions, TeamStore teams, UserStore users, ReleaseStore releases,
            ReportStore reports, PollStore polls, BallotStore ballots, ParticipationStore participation,
            FunnelStore funnel) {
    }

    public DemoWeek(Stores stores, OpenRelease openRelease, ManagePoll managePoll, HandInReport handIn, Standing standing,
            WeekCalendar calendar, Clock clock, Path photos) {
        this.handIn = handIn;
        this.standing = standing;
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
        Release last = openRelease.openShippedAt(version(lastShipped), features(LAST_WEEK), lastShipped, "demo").release();
        seedReports(last, fans.subList(0, 220), lastShipped, last.reportsCloseAt(), true);
        for (String fan : fans.subList(0, 220)) {
            standing.review(fan, last.reportsCloseAt());
        }
        Poll lastPoll = seedPoll(last, LAST_WEEK_PROJECTS, new int[] {35, 48, 20, 27}, fans.subList(40, 290),
                polls.findByRelease(last.id()).orElseThrow().closesAt().minusSeconds(60));
        managePoll.approve(lastPoll.id(), "lead");

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
                String area = HISTORY_AREAS[t];
                features.add(new Feature(String.format("MIUI-%d", 1800 + week * 10 + t),
                        "Week " + (HISTORY - week + 1) + ": a faster, smoother " + area,
                        "第 " + (HISTORY - week + 1) + " 周：更快、更流畅的" + HISTORY_AREAS_ZH[t], TEAMS[t][0]));
                projects[t] = new String[] {"Smoother " + area + " · " + (HISTORY - week + 1),
                    "The " + area + " you use every day, a little better this week.",
                    "更流畅的" + HISTORY_AREAS_ZH[t] + " · " + (HISTORY - week + 1), "每天都用的" + HISTORY_AREAS_ZH[t] + "，这周又好了一点。"};
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
            managePoll.approveWithoutAnnouncing(poll.id(), "lead");
            // Each week's badges, streak bonuses and levels come when that week's reports closed.
            for (String fan : taking) {
                standing.review(fan, release.reportsCloseAt());
            }
        }
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
        standing.lock(fans.get(0), "honorary", "Runs the beta testers' group on the forum", "lead");
    }

    private void seedTeams() {
        for (String[] row : TEAMS) {
            List<Member> members = new ArrayList<>();
            for (int i = 2; i < row.length; i++) {
                String file = row[0] + "-" + (i - 1) + ".png";
                writePhoto(file, row[i]);
                members.add(new Member(row[i], "/photos/" + file));
            }
            teams.save(new Team(row[0], row[1], members));
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
                        String[][] said = COMMENTS.getOrDefault(release.features().get(f).key(), ANY_FEATURE);
                        String[] comments = like ? said[0] : said[1];
                        String comment = random.nextInt(100) < 20 ? comments[random.nextInt(comments.length)] : "";
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
                reports.save(report, at);
                participation.record(ParticipationEvent.of(fan, ParticipationKind.REPORT_HANDED_IN, "release:" + release.id(), at));
                if (!verdicts.isEmpty() && report.fingerprint() != null) {
                    participation.record(ParticipationEvent.of(fan, ParticipationKind.REPORT_WRITTEN, "release:" + release.id(), at));
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
    private Poll seedPoll(Release release, String[][] projects, int[] weights, List<String> voters, Instant votesUntil) {
        Poll draft = polls.findByRelease(release.id()).orElseThrow();
        List<Candidate> candidates = new ArrayList<>();
        for (int t = 0; t < TEAMS.length; t++) {
            String team = TEAMS[t][0];
            Candidate proposed = draft.candidates().stream().filter(c -> c.teamSlug().equals(team)).findFirst().orElseThrow();
            candidates.add(managePoll.editCandidate(draft.id(), proposed.id(), projects[t][0], projects[t][2], proposed.tickets(),
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
                ballots.put(new Ballot(draft.id(), voter, candidates.get(index).id(), at, "DEMO-" + voter.substring(9)));
                participation.record(ParticipationEvent.of(voter, ParticipationKind.BALLOT_CAST, "poll:" + draft.id(), at));
            }
            return null;
        });
        return polls.find(draft.id()).orElseThrow();
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
