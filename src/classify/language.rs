//! Language and script evidence.
//!
//! whatlang runs once per page, on a bounded sample of its longest lines
//! (whatlang reads ~30 MB/s; a page-sized sample keeps it off the hot path).
//! Per line we only run a cheap character-class scan for the script, and
//! count stopwords of the article's language and of English.

use crate::swar::{self, HIGHS, ONES};
use std::sync::LazyLock;

/// Writing systems we tell apart with a character-class scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Cjk,
    Hangul,
    Devanagari,
    Thai,
    Other,
}

/// The dominant script of `text` by letter count, or `None` without letters.
pub(crate) fn script_of(text: &str) -> Option<Script> {
    if text.is_ascii() {
        return text
            .bytes()
            .any(|b| b.is_ascii_alphabetic())
            .then_some(Script::Latin);
    }
    scan(text).script
}

/// What one pass over a line's characters tells: its length, letters,
/// dominant script, and (for Chinese and Japanese) function characters.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub chars: usize,
    pub letters: usize,
    /// Letters that are frequent function characters of Chinese and Japanese.
    pub cjk_function: usize,
    /// The dominant script by letter count; `None` without letters.
    pub script: Option<Script>,
    /// Characters by script index (the class's script bits); the last slot
    /// (`NO_SCRIPT`) counts the rest. Scans of pieces add up to the scan of
    /// the whole (see [`dominant`]).
    pub by_script: [u32; SCRIPT_MASK as usize + 1],
}

/// Each unit's [`scan`], `None` for units in ASCII (which need none): done
/// once a page, for the page's script and for each unit's measure.
pub(crate) fn scan_units(units: &[crate::segment::Unit<'_>]) -> Vec<Option<Scan>> {
    units
        .iter()
        .map(|u| (!u.text.is_ascii()).then(|| scan(&u.text)))
        .collect()
}

/// The script with the most letters among `by_script` counts (the last of
/// those tied), as [`scan`] picks it; `None` without letters.
pub(crate) fn dominant(by_script: &[u32; SCRIPT_MASK as usize + 1]) -> Option<Script> {
    by_script[..ALL_SCRIPTS.len()]
        .iter()
        .enumerate()
        .max_by_key(|(_, &n)| n)
        .filter(|(_, &n)| n > 0)
        .map(|(i, _)| ALL_SCRIPTS[i])
}

/// Count characters, letters and scripts of `text` in one pass.
pub(crate) fn scan(text: &str) -> Scan {
    let classes = &**CLASSES;
    let mut out = Scan::default();
    // Indexed by the class's script bits; the last slot (`NO_SCRIPT`) is not read.
    let mut counts = [0u32; SCRIPT_MASK as usize + 1];
    let mut rest = text;
    while !rest.is_empty() {
        // A run of ASCII first: its letters are Latin ones.
        let ascii = ascii_prefix_len(rest.as_bytes());
        let (run, tail) = rest.split_at(ascii);
        let latin = ascii_letters(run.as_bytes());
        out.chars += run.len();
        out.letters += latin;
        counts[Script::Latin as usize] += latin as u32;
        // Then the run of other characters, up to the next ASCII byte.
        let mut end = tail.len();
        for (i, c) in tail.char_indices() {
            if c.is_ascii() {
                end = i;
                break;
            }
            out.chars += 1;
            let class = match classes.get(c as usize) {
                Some(&class) => class,
                None => classify_char(c),
            };
            if class & LETTER != 0 {
                out.letters += 1;
                if c >= '\u{3040}' && is_cjk_function_char(c) {
                    out.cjk_function += 1;
                }
            }
            counts[usize::from(class & SCRIPT_MASK)] += 1;
        }
        rest = &tail[end..];
    }
    out.script = dominant(&counts);
    out.by_script = counts;
    out
}

/// How many ASCII letters an ASCII text holds: eight bytes at a time, each
/// folded to lower case and tested for `a..=z` ([`swar::bytes_within`]).
pub(crate) fn ascii_letters(bytes: &[u8]) -> usize {
    debug_assert!(bytes.is_ascii());
    let letters = |x: u64| swar::bytes_within(x | (ONES * 0x20), b'a', b'z').count_ones() as usize;
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for c in &mut chunks {
        n += letters(u64::from_le_bytes(c.try_into().expect("8 bytes")));
    }
    // The rest padded with zero bytes, no letters: no loop over a count
    // of bytes that is the text's own.
    n + letters(swar::load_padded(chunks.remainder(), 0, 0))
}

/// How many bytes `bytes` opens with are ASCII: eight at a time, the
/// first byte with its high bit set found in the eight that hold one.
fn ascii_prefix_len(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for c in &mut chunks {
        let high = u64::from_le_bytes(c.try_into().expect("8 bytes")) & HIGHS;
        if high != 0 {
            return at + (high.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    let high = swar::load_padded(chunks.remainder(), 0, 0) & HIGHS;
    if high != 0 {
        at + (high.trailing_zeros() / 8) as usize
    } else {
        bytes.len()
    }
}

/// The script of a character by its block, [`Script::Other`] for a letter of
/// another block, `None` for a non-letter outside the listed blocks.
fn script_of_char(c: char, letter: bool) -> Option<Script> {
    Some(match c as u32 {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F => Script::Cyrillic,
        0x590..=0x5FF => Script::Hebrew,
        0x600..=0x6FF | 0x750..=0x77F => Script::Arabic,
        0x900..=0x97F => Script::Devanagari,
        0xE00..=0xE7F => Script::Thai,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => Script::Cjk,
        0xAC00..=0xD7AF | 0x1100..=0x11FF => Script::Hangul,
        _ if letter => Script::Other,
        _ => return None,
    })
}

/// Character classes, one byte each: the script's index in `ALL_SCRIPTS`
/// (or `NO_SCRIPT`) in the low bits, and flag bits.
const SCRIPT_MASK: u8 = 0x0F;
const NO_SCRIPT: u8 = 0x0F;
/// [`is_letter`].
const LETTER: u8 = 0x10;
/// `char::is_alphanumeric`.
const ALNUM: u8 = 0x20;
/// Lower-casing changes the character.
const CASED: u8 = 0x40;

fn classify_char(c: char) -> u8 {
    // Letter-like symbols (`ℓ`, `Ⓐ`, `々`) in the punctuation and symbol
    // blocks are not the letters of words.
    let letter = !matches!(c as u32, 0x2000..=0x2BFF | 0x3000..=0x303F) && c.is_alphabetic();
    let script = script_of_char(c, letter).map_or(NO_SCRIPT, |s| s as u8);
    let mut class = script;
    if letter {
        class |= LETTER;
    }
    if c.is_alphanumeric() {
        class |= ALNUM;
    }
    if !c.to_lowercase().eq([c]) {
        class |= CASED;
    }
    class
}

/// The classes of the Basic Multilingual Plane, built once from std's own
/// predicates (so exact by construction): one table load per character
/// instead of a binary search through Unicode tables. Characters beyond it
/// are rare and classified on the fly.
static CLASSES: LazyLock<Vec<u8>> = LazyLock::new(|| {
    (0..0x1_0000u32)
        .map(|u| char::from_u32(u).map_or(NO_SCRIPT, classify_char))
        .collect()
});

/// Is `c` its own lower case (lower-casing leaves it as it is)? One table
/// load for a character of the Basic Multilingual Plane.
pub(crate) fn is_own_lower(c: char) -> bool {
    class_of(c) & CASED == 0
}

fn class_of(c: char) -> u8 {
    match CLASSES.get(c as usize) {
        Some(&class) => class,
        None => classify_char(c),
    }
}

const ALL_SCRIPTS: [Script; 10] = [
    Script::Latin,
    Script::Cyrillic,
    Script::Greek,
    Script::Arabic,
    Script::Hebrew,
    Script::Cjk,
    Script::Hangul,
    Script::Devanagari,
    Script::Thai,
    Script::Other,
];

/// `char::is_alphanumeric`, from a table for the Basic Multilingual Plane.
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    class_of(c) & ALNUM != 0
}

/// The words of `text`: its runs of alphanumeric characters, as
/// `text.split(|c: char| !c.is_alphanumeric())` yields them without the empty
/// pieces, with ASCII bytes tested without decoding them.
pub(crate) fn alnum_words(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        rest = &rest[run_len(rest, false)..];
        if rest.is_empty() {
            return None;
        }
        let (word, tail) = rest.split_at(run_len(rest, true));
        rest = tail;
        Some(word)
    })
}

/// Byte length of the run of characters that open `text` and are
/// alphanumeric (`alnum`) or not.
#[inline]
fn run_len(text: &str, alnum: bool) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    loop {
        // ASCII bytes from a table, without decoding.
        i += bytes[i..]
            .iter()
            .take_while(|&&b| b.is_ascii() && ASCII_ALNUM[usize::from(b)] == alnum)
            .count();
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
            return i;
        };
        if c.is_ascii() || is_alphanumeric(c) != alnum {
            return i;
        }
        i += c.len_utf8();
    }
}

/// `u8::is_ascii_alphanumeric` for the ASCII bytes, one load each.
static ASCII_ALNUM: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Scripts written without spaces between words.
pub(crate) fn is_unspaced(script: Script) -> bool {
    matches!(script, Script::Cjk | Script::Thai)
}

/// How much of the sample whatlang reads when stopwords do not settle it
/// (whatlang runs at ~30 MB/s; a kilobyte is enough for its trigram model).
const WHATLANG_BYTES: usize = 1024;

/// Detect the language of a sample; returns the ISO 639-1 code. Stopwords
/// vote first (cheap, and the list they pick is the one we measure with);
/// whatlang decides the rest. Samples of under 20 characters are too short.
#[cfg(test)]
pub(crate) fn detect(sample: &str) -> Option<&'static str> {
    detect_voted(sample, || vote(sample))
}

/// [`detect`] with the stopwords' vote on the sample given: `voted` is
/// [`vote`] of the sample (see [`vote_lines`]), asked only when the sample
/// is long enough.
pub(crate) fn detect_voted(
    sample: &str,
    voted: impl FnOnce() -> Option<&'static str>,
) -> Option<&'static str> {
    if sample.chars().take(20).count() < 20 {
        return None;
    }
    if let Some(code) = voted() {
        return Some(code);
    }
    let head = &sample[..sample.floor_char_boundary(WHATLANG_BYTES)];
    let info = whatlang::detect(head)?;
    iso639_1(info.lang())
}

fn iso639_1(lang: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match lang {
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "nb",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        Epo => "eo",
    })
}

/// Stopwords: the most frequent function words of each language (about a
/// hundred each, from frequency lists). Text whose words are ~30 % or more of
/// these is running prose; menus and headlines score far lower (the jusText
/// observation).
#[rustfmt::skip]
const STOPWORDS: &[(&str, &str)] = &[
    ("en", "a about above after again against all also am an and any are as at be because been before being between both but by can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our out over own same she should so some such than that the their theirs them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours said says will would may might must can't don't it's i'm we're they're there's"),
    ("de", "aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei bin bis bist da damit dann das dass daß dem den denn der des dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines er es etwas euch für gegen gewesen hab habe haben hat hatte hier hin hinter ich ihm ihn ihnen ihr ihre im in indem ins ist jede jedem jeden jeder jedes jetzt kann kein keine können man mein meine mich mir mit muss nach nicht nichts noch nun nur ob oder ohne sehr sein seine sich sie sind so solche soll sondern über um und uns unser unter viel vom von vor war waren warum was weil welche wenn wer werden wie wieder will wir wird wo zu zum zur zwischen wurde wurden worden sei"),
    ("fr", "à au aux avec ce ces cet cette dans de des du elle en et eux il ils je la le les leur leurs lui ma mais me même mes moi mon ne nos notre nous on ou où par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y été était être avait avoir a est sont ont fait plus comme tout tous aussi bien peut entre depuis alors sans sous cela ça si"),
    ("es", "a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el él ella ellas ellos en entre era es esa esas ese eso esos esta está están estas este esto estos fue fueron ha han hasta hay la las le les lo los más me mi mis mucho muy nada ni no nos nosotros o os otra otro para pero poco por porque que quien se ser si sí sin sobre son su sus también tanto te tiene tienen todo todos tu un una uno unos y ya yo sido puede"),
    ("it", "a ad al alla alle allo ai agli anche avere aveva c che chi ci come con contro cui da dal dalla dalle dei del della delle dello di dove e è ed era essere fa gli ha hanno i il in io la le lei li lo loro lui ma mi mio ne nei nel nella nelle non noi o per perché più può quale quando quella quelle quello questa queste questo se sei si sia siamo sono sta stato su sua sue sui sul sulla suo suoi tra tu un una uno vi è stata stati sarà"),
    ("pt", "a à ao aos as às até com como da das de dela dele deles do dos e é ela elas ele eles em entre era essa esse esta está estão este eu foi for foram há isso isto já la lhe mais mas me mesmo meu minha muito na não nas nem no nos nós o os ou para pela pelas pelo pelos por qual quando que quem se sem ser seu seus só sua suas também te tem têm um uma umas uns você foram sido"),
    ("nl", "aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou"),
    ("ru", "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между это также"),
    ("uk", "і в у на з що не та як до за він я це його від але ми ви вони вона було бути був була були є по так про при для чи або якщо коли також який яка які цей ця ці тому через після між може буде вже ще лише тільки щоб"),
    ("pl", "a aby ale bardzo bez bo być był była było były będzie co czy dla do gdy gdzie go i ich ile im ja jak jako jakie je jego jej jest jeszcze jeśli już kiedy kto która które który lub ma mają może mnie mu na nad nam nas nawet nie nich nim niż o od oraz po pod przez przy również się są ta tak także tam te tego tej ten to tu tylko tym w we więc wszystko z za że żeby jednak został została"),
    ("sv", "och det att i en jag hon som han på den med var sig för så till är men ett om hade de av icke mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något från ut när efter upp vi dem vara vad över än dig kan sina här ha mot alla under någon eller allt mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli blev oss din dessa några deras blir mina samma vilken er sådan vår blivit dess inom mellan"),
    ("da", "og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan"),
    ("nb", "og i jeg det at en et den til er som på de med han av ikke der så var meg seg men ett har om vi min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man kan hans hvor eller hva skal selv sjøl her alle vil bli ble blitt kunne inn når være kom noen noe ville dere som deres kun ja etter ned skulle denne for deg si sine sitt mot å meget hvorfor dette disse uten hvordan ingen din ditt blir samme hvilken"),
    ("fi", "ja on ei se että hän oli ole ovat mutta kun tai jos niin kuin myös vain jo sen sitä joka mitä tämä ne he me te minä sinä hänen heidän ollut olla ovat olisi sekä kanssa koska vaan nyt kaikki tässä siitä sitten voi"),
    ("tr", "ve bir bu da de için ile çok olarak daha gibi en ama ne var o olan sonra kadar her şey ben sen biz siz onlar ancak ise veya hem mi mı mu mü değil diye göre ki bunu şu olan oldu olduğu"),
    ("cs", "a v se na je že s z do to o i k ve jako pro by byl byla bylo jsou jsem ale jak po tak jeho její nebo které který která když už jen od za také pak jsme mezi před při podle"),
    ("ro", "și în a la de cu pe care o nu din este un că se mai au fost sau ca pentru dar ce acest această lui ei el ea sunt fi după prin până"),
    ("hu", "a az és hogy nem is egy de meg van volt csak már ez azt mint még ki el be fel le kell lesz mert vagy pedig sem lett minden ha ami aki amely"),
    ("id", "yang dan di ke dari ini itu dengan untuk tidak dalam akan pada juga ada saya kami mereka ia adalah oleh karena sebagai atau bisa telah sudah lebih"),
    ("ca", "de la i el que a en els les per un una amb no del es al és com però més ho hi ja va han seu seva són"),
];

/// One table from a stopword to the languages (bits, in `STOPWORDS` order)
/// that have it: one lookup per word answers "is it a stopword of the page's
/// language, of English, of which languages". Open addressing over words
/// packed into two `u64`s (every stopword is at most 16 bytes), so a probe
/// compares two integers instead of hashing and comparing strings.
struct StopIndex {
    /// Words of nine bytes or more.
    slots: Vec<Slot>,
    bits: u32,
    /// Words of eight bytes or fewer.
    short: ShortIndex,
}

#[derive(Clone, Copy, Default)]
struct Slot {
    key: (u64, u64),
    len: u8,
    mask: u32,
}

/// Longest word the table can hold, in bytes.
const MAX_PACKED: usize = 16;

fn pack(word: &[u8]) -> Option<(u64, u64)> {
    if word.is_empty() || word.len() > MAX_PACKED {
        return None;
    }
    let mut buf = [0u8; MAX_PACKED];
    buf[..word.len()].copy_from_slice(word);
    let (lo, hi) = buf.split_at(8);
    Some((
        u64::from_le_bytes(lo.try_into().expect("8 bytes")),
        u64::from_le_bytes(hi.try_into().expect("8 bytes")),
    ))
}

impl StopIndex {
    fn slot_of(&self, key: (u64, u64), len: usize) -> usize {
        let h = (key.0 ^ key.1.rotate_left(29) ^ ((len as u64) << 56))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> (64 - self.bits)) as usize
    }

    fn get(&self, word: &[u8]) -> u32 {
        let Some(key) = pack(word) else { return 0 };
        self.get_key(key, word.len())
    }

    fn get_key(&self, key: (u64, u64), len: usize) -> u32 {
        if len <= 8 {
            return self.short.get(key.0, len);
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot_of(key, len);
        loop {
            let s = &self.slots[i];
            if s.len == 0 {
                return 0;
            }
            if s.key == key && usize::from(s.len) == len {
                return s.mask;
            }
            i = (i + 1) & mask;
        }
    }
}

/// The stopwords of eight bytes or fewer (nearly all), in a table where
/// each has a slot of its own that one lookup finds (hash and displace: a
/// word's hash picks a bucket, and the bucket's multiplier, chosen when the
/// table is built, sends each word of the bucket to a slot no other word
/// holds). A lookup reads the bucket's multiplier and the slot's key and
/// mask, and keeps the mask when the key is the word's, without a branch
/// on what it finds (whether a word is a stopword is a coin toss the
/// processor cannot predict). A key is the packed word with the high bit
/// of its last byte set (all its bytes are ASCII), which tells its length
/// too; an empty slot's key, 0, is no word's, and slot 0 is left empty.
/// 28 KB in all.
struct ShortIndex {
    /// Each bucket's multiplier (odd).
    mults: Box<[u64; SHORT_BUCKETS]>,
    keys: Box<[u64; SHORT_SLOTS]>,
    masks: Box<[u32; SHORT_SLOTS]>,
}

const SHORT_BUCKET_BITS: u32 = 9;
const SHORT_BUCKETS: usize = 1 << SHORT_BUCKET_BITS;
const SHORT_SLOT_BITS: u32 = 11;
const SHORT_SLOTS: usize = 1 << SHORT_SLOT_BITS;
/// The hash's multiplier (odd, so no two keys share a hash).
const SHORT_MIX: u64 = 0x9E37_79B9_7F4A_7C15;

impl ShortIndex {
    /// The key of a packed ASCII word of `len` bytes (1 to 8).
    #[inline(always)]
    fn key(packed: u64, len: usize) -> u64 {
        packed | 0x80 << (8 * (len - 1))
    }

    #[inline(always)]
    fn bucket(hash: u64) -> usize {
        (hash >> (64 - SHORT_BUCKET_BITS)) as usize
    }

    #[inline(always)]
    fn slot(hash: u64, mult: u64) -> usize {
        (hash.wrapping_mul(mult) >> (64 - SHORT_SLOT_BITS)) as usize
    }

    /// The table of `words` (packed, length, bits): the buckets with the
    /// most words first, each given the first of a fixed series of
    /// multipliers that sends its words to free slots of their own.
    fn build(words: &[(u64, usize, u32)]) -> Option<ShortIndex> {
        let mut merged: std::collections::BTreeMap<u64, u32> = Default::default();
        for &(packed, len, mask) in words {
            *merged.entry(Self::key(packed, len)).or_default() |= mask;
        }
        let mut buckets: Vec<Vec<(u64, u32)>> = vec![Vec::new(); SHORT_BUCKETS];
        for (&key, &mask) in &merged {
            buckets[Self::bucket(key.wrapping_mul(SHORT_MIX))].push((key, mask));
        }
        let mut order: Vec<usize> = (0..SHORT_BUCKETS).collect();
        order.sort_by_key(|&b| std::cmp::Reverse(buckets[b].len()));
        let mut index = ShortIndex {
            mults: Box::new([1; SHORT_BUCKETS]),
            keys: Box::new([0; SHORT_SLOTS]),
            masks: Box::new([0; SHORT_SLOTS]),
        };
        let mut slots = Vec::new();
        for b in order {
            let words = &buckets[b];
            if words.is_empty() {
                break;
            }
            let mult = (0..1u64 << 16)
                .map(|i| {
                    // splitmix64 of i, made odd.
                    let mut z = i.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
                    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
                    (z ^ (z >> 31)) | 1
                })
                .find(|&mult| {
                    slots.clear();
                    for &(key, _) in words {
                        let at = Self::slot(key.wrapping_mul(SHORT_MIX), mult);
                        if at == 0 || index.keys[at] != 0 || slots.contains(&at) {
                            return false;
                        }
                        slots.push(at);
                    }
                    true
                })?;
            index.mults[b] = mult;
            for (&(key, mask), &at) in words.iter().zip(&slots) {
                index.keys[at] = key;
                index.masks[at] = mask;
            }
        }
        Some(index)
    }

    /// The languages of an ASCII word of `len` bytes (1 to 8), packed and
    /// lower-cased.
    #[inline(always)]
    fn get(&self, packed: u64, len: usize) -> u32 {
        let key = Self::key(packed, len);
        let hash = key.wrapping_mul(SHORT_MIX);
        let at = Self::slot(hash, self.mults[Self::bucket(hash)]);
        // A miss reads slot 0, which no word holds: the mask is loaded
        // from an address worked out, not chosen by a branch after the
        // compare.
        let hit = self.keys[at] == key;
        self.masks[at & 0usize.wrapping_sub(usize::from(hit))]
    }
}

static INDEX: LazyLock<StopIndex> = LazyLock::new(|| {
    let mut short: Vec<(u64, usize, u32)> = Vec::new();
    let mut long: Vec<(&str, usize)> = Vec::new();
    for (lang, (_, list)) in STOPWORDS.iter().enumerate() {
        for w in list.split_whitespace() {
            match pack(w.as_bytes()) {
                Some((key, _)) if w.len() <= 8 => short.push((key, w.len(), 1 << lang)),
                Some(_) => long.push((w, lang)),
                None => {}
            }
        }
    }
    // At most a quarter full, so probes stay short.
    let bits = (long.len() * 4).next_power_of_two().trailing_zeros().max(4);
    let mut index = StopIndex {
        slots: vec![Slot::default(); 1 << bits],
        bits,
        short: ShortIndex::build(&short).expect("a multiplier fits each bucket's stopwords"),
    };
    let mask = index.slots.len() - 1;
    for (w, lang) in long {
        let Some(key) = pack(w.as_bytes()) else {
            continue;
        };
        let mut i = index.slot_of(key, w.len());
        loop {
            let s = &mut index.slots[i];
            if s.len == 0 {
                *s = Slot {
                    key,
                    len: w.len() as u8,
                    mask: 1 << lang,
                };
                break;
            }
            if s.key == key && usize::from(s.len) == w.len() {
                s.mask |= 1 << lang;
                break;
            }
            i = (i + 1) & mask;
        }
    }
    index
});

/// The bit of a language in stopword masks; 0 when we have no list for it.
pub(crate) fn stop_bit(code: &str) -> u32 {
    STOPWORDS
        .iter()
        .position(|(c, _)| *c == code)
        .map_or(0, |i| 1 << i)
}

/// The languages (bits) whose stoplists hold this lower-cased word.
#[cfg(test)]
pub(crate) fn stop_mask(word: &str) -> u32 {
    INDEX.get(word.as_bytes())
}

/// Vote on the language of a sample with stopwords: the language whose
/// function words cover the most tokens, if they cover at least 15 % of
/// them and at least 8 tokens (prose in any of our languages runs 30–50 %).
#[cfg(test)]
fn vote(sample: &str) -> Option<&'static str> {
    let mut hits = [0u32; 32];
    let mut tokens = 0u32;
    // Four hundred words settle the vote; the rest of the sample is for whatlang.
    // The sample is normalised lines joined by newlines: ASCII whitespace is
    // all the whitespace it has, and a byte split finds its words.
    for (mut m, _) in stop_words(sample, false).take(VOTE_PIECES).flatten() {
        tokens += 1;
        while m != 0 {
            hits[m.trailing_zeros() as usize] += 1;
            m &= m - 1;
        }
    }
    verdict(&hits, tokens)
}

/// How many pieces of the sample (words, and pieces without letters) vote.
pub(crate) const VOTE_PIECES: usize = 400;

/// [`vote`] of a sample that is `lines` joined by newlines, from the
/// lines' [`LineWords`] (counted once for density too): whole lines while
/// the vote's pieces last, the first pieces of the line they run out in.
/// A line without its words counted (one in a script written without
/// spaces) is read as far as the vote needs.
pub(crate) fn vote_lines<'t>(
    lines: impl Iterator<Item = (&'t str, Option<&'t LineWords>)>,
) -> Option<&'static str> {
    let mut hits = [0u32; 32];
    let mut tokens = 0u32;
    let mut left = VOTE_PIECES;
    for (text, lw) in lines {
        if left == 0 {
            break;
        }
        if let Some(lw) = lw.filter(|lw| lw.pieces <= left) {
            left -= lw.pieces;
            tokens += lw.words as u32;
            for (lang, h) in hits.iter_mut().enumerate().take(STOPWORDS.len()) {
                *h += lw.count(lang) as u32;
            }
            continue;
        }
        for piece in stop_words(text, false).take(left) {
            left -= 1;
            let Some((mut m, _)) = piece else {
                continue;
            };
            tokens += 1;
            while m != 0 {
                hits[m.trailing_zeros() as usize] += 1;
                m &= m - 1;
            }
        }
    }
    verdict(&hits, tokens)
}

fn verdict(hits: &[u32; 32], tokens: u32) -> Option<&'static str> {
    let (i, &best) = hits
        .iter()
        .enumerate()
        .max_by_key(|(i, &h)| (h, std::cmp::Reverse(*i)))?;
    (best >= 8 && best * 100 >= tokens * 15).then(|| STOPWORDS[i].0)
}

/// One line's words counted once for both density and the language vote:
/// its pieces, words, capitalised words, and its stopwords of every
/// language at once, the page's language being chosen after.
#[derive(Debug, Clone, Default)]
pub(crate) struct LineWords {
    /// Pieces between whitespace, those without letters included.
    pub pieces: usize,
    /// Pieces with letters, digits or apostrophes.
    pub words: usize,
    pub caps: usize,
    /// Stopwords by language, sixteen bits each, four to a word: a word's
    /// languages are added from `SPREAD`, without a branch on them.
    packed: [u64; PACKED_WORDS],
    /// Counts carried out of `packed` before they could overflow (a line of
    /// 65,535 words or more).
    carried: Option<Box<[usize; PACKED_WORDS * 4]>>,
}

const PACKED_WORDS: usize = 5;
const _: () = assert!(STOPWORDS.len() <= PACKED_WORDS * 4);

/// Four bits (four languages) spread to a one in each of their sixteen-bit lanes.
static SPREAD: [u64; 16] = {
    let mut t = [0u64; 16];
    let mut m = 0;
    while m < 16 {
        let mut b = 0;
        while b < 4 {
            if m & (1 << b) != 0 {
                t[m] |= 1 << (16 * b);
            }
            b += 1;
        }
        m += 1;
    }
    t
};

impl LineWords {
    /// Count the words of a normalised line (see [`stop_words`]) and its
    /// stopwords of every language.
    pub(crate) fn of(text: &str) -> LineWords {
        Self::tally::<true>(text, 0, 0)
    }

    /// Count the words of a normalised line and its stopwords of the two
    /// languages whose bits are `stop_bit` and `en_bit` only (the others
    /// read as none): a line outside the language sample, counted once the
    /// page's language is known.
    pub(crate) fn of_two(text: &str, stop_bit: u32, en_bit: u32) -> LineWords {
        Self::tally::<false>(text, stop_bit, en_bit)
    }

    /// The words of a normalised line, whose one whitespace is the single
    /// space between words: its spaces are found eight bytes at a time,
    /// and each word between them is read as [`stop_words`] reads it (an
    /// ASCII word of eight bytes or fewer, most words, from one load).
    #[inline(always)]
    fn tally<const ALL: bool>(text: &str, stop_bit: u32, en_bit: u32) -> LineWords {
        debug_assert!(crate::segment::is_normal(text), "{text:?}");
        let index = &*INDEX;
        let bytes = text.as_bytes();
        let len = bytes.len();
        let mut lw = LineWords::default();
        let mut since_carry = 0u32;
        // Two languages' counts are kept apart, in registers, and put in
        // their lanes at the end.
        let (mut pieces, mut words, mut caps, mut stops, mut ens) = (0, 0, 0, 0, 0);
        // The languages read (all, or two).
        let read = if ALL { u32::MAX } else { stop_bit | en_bit };
        let mut start = 0;
        while start < len {
            // The word's end: its first space, found from its start eight
            // bytes a step (most words end within the first step, so the
            // loop's exit is well predicted; the padding past the end is
            // spaces too).
            let word = load8(bytes, start);
            let mut x = word;
            let mut at = start;
            // The high bits of the word's bytes, gathered on the way.
            let mut high = 0u64;
            let end = loop {
                let spaces = swar::bytes_equal(x, b' ');
                if spaces != 0 {
                    let k = (spaces.trailing_zeros() / 8) as usize;
                    high |= low_bytes(x, k);
                    break (at + k).min(len);
                }
                high |= x;
                at += 8;
                x = load8(bytes, at);
            };
            let raw = &bytes[start..end];
            let ascii = high & HIGHS == 0;
            let piece = if ascii {
                ascii_piece(index, raw, word)
            } else {
                piece_of(&text[start..end], false, read)
            };
            pieces += 1;
            start = end + 1;
            let Some((m, capitalised)) = piece else {
                continue;
            };
            words += 1;
            caps += usize::from(capitalised);
            if ALL {
                for (g, p) in lw.packed.iter_mut().enumerate() {
                    *p += SPREAD[((m >> (4 * g)) & 15) as usize];
                }
                since_carry += 1;
                if since_carry == u32::from(u16::MAX) {
                    lw.carry();
                    since_carry = 0;
                }
            } else {
                stops += usize::from(m & stop_bit != 0);
                ens += usize::from(m & en_bit != 0);
            }
        }
        lw.pieces = pieces;
        lw.words = words;
        lw.caps = caps;
        if !ALL {
            lw.add(stop_bit, stops);
            lw.add(en_bit, ens);
        }
        lw
    }

    /// Add `n` stopwords of the language whose bit is `bit` (none for 0).
    fn add(&mut self, bit: u32, n: usize) {
        if bit == 0 || n == 0 {
            return;
        }
        let lang = bit.trailing_zeros() as usize % (PACKED_WORDS * 4);
        let (word, shift) = (lang / 4, 16 * (lang % 4));
        let lane = ((self.packed[word] >> shift) & 0xFFFF) as usize;
        if lane + n <= 0xFFFF {
            self.packed[word] += (n as u64) << shift;
        } else {
            self.carried
                .get_or_insert_with(|| Box::new([0; PACKED_WORDS * 4]))[lang] += n;
        }
    }

    fn carry(&mut self) {
        let carried = self
            .carried
            .get_or_insert_with(|| Box::new([0; PACKED_WORDS * 4]));
        for (lang, c) in carried.iter_mut().enumerate() {
            *c += ((self.packed[lang / 4] >> (16 * (lang % 4))) & 0xFFFF) as usize;
        }
        self.packed = [0; PACKED_WORDS];
    }

    /// Stopwords of the language at `lang` (its index in `STOPWORDS`).
    pub(crate) fn count(&self, lang: usize) -> usize {
        let Some(&p) = self.packed.get(lang / 4) else {
            return 0;
        };
        let lane = ((p >> (16 * (lang % 4))) & 0xFFFF) as usize;
        lane + self.carried.as_ref().map_or(0, |c| c[lang])
    }

    /// Stopwords of the language whose bit is `bit` ([`stop_bit`]; none for 0).
    pub(crate) fn count_bit(&self, bit: u32) -> usize {
        if bit == 0 {
            0
        } else {
            self.count(bit.trailing_zeros() as usize)
        }
    }
}

/// A word of a line as stopword counting reads it: a piece between ASCII
/// whitespace without the punctuation around it ([`trim_word`]), perhaps
/// empty, and whether it is ASCII (whose fast paths decode nothing).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word<'a> {
    pub text: &'a str,
    pub ascii: bool,
}

impl Word<'_> {
    /// Starts with an upper-case letter.
    pub(crate) fn capitalised(&self) -> bool {
        if self.ascii {
            self.text
                .as_bytes()
                .first()
                .is_some_and(u8::is_ascii_uppercase)
        } else {
            self.text.chars().next().is_some_and(char::is_uppercase)
        }
    }

    /// The languages (bits) whose stoplists hold the word lower-cased.
    #[inline(always)]
    pub(crate) fn stop_mask(&self) -> u32 {
        if self.ascii {
            stop_mask_ascii(self.text.as_bytes())
        } else {
            stop_mask_wide(self.text)
        }
    }
}

/// [`Word::stop_mask`] of a word outside ASCII. Most such words in
/// Latin-script prose are ASCII but for a curly apostrophe ("don’t",
/// "company’s"), which lower-casing folds to `'`: they are folded on the
/// stack, without a trip through the case tables.
#[inline(never)]
fn stop_mask_wide(word: &str) -> u32 {
    let mut folded = [0u8; MAX_PACKED];
    let mut len = 0;
    for c in word.chars() {
        let b = match c {
            '’' => b'\'',
            c if c.is_ascii() => c as u8,
            _ => return stop_mask_lowered(word),
        };
        let Some(slot) = folded.get_mut(len) else {
            // Longer than any stopword.
            return 0;
        };
        *slot = b;
        len += 1;
    }
    stop_mask_ascii(&folded[..len])
}

/// [`stop_mask`] of `word` lower-cased as [`lower_into`] does, folded
/// into a key on the stack: a fold longer than the table's keys is no
/// stopword, so the fold stops there.
fn stop_mask_lowered(word: &str) -> u32 {
    let classes = &**CLASSES;
    let mut key = [0u8; MAX_PACKED];
    let mut len = 0;
    let mut put = |c: char| {
        let n = c.len_utf8();
        let slot = key.get_mut(len..len + n)?;
        c.encode_utf8(slot);
        len += n;
        Some(())
    };
    for c in word.chars() {
        let fits = if c == '’' {
            put('\'')
        } else if classes.get(c as usize).is_some_and(|&k| k & CASED == 0) {
            put(c)
        } else {
            c.to_lowercase().try_for_each(&mut put)
        };
        if fits.is_none() {
            return 0;
        }
    }
    INDEX.get(&key[..len])
}

/// One piece of a line as stopword counting reads it (see [`stop_words`]):
/// `None` for a piece without letters, digits or apostrophes (a dash, a
/// bar), else the stoplists' bits of its word and whether it is capitalised.
pub(crate) type Piece = Option<(u32, bool)>;

/// The pieces of `text` between ASCII whitespace (as `split_ascii_whitespace`
/// finds them), trimmed ([`trim_word`]), each looked up in the
/// stoplists as [`Word::stop_mask`] does (skipping words longer than
/// `MAX_STOPWORD_BYTES` outside ASCII when `skip_long`, which no lookup
/// could find): the per-word loop of density and of the language vote.
/// Eight bytes are read at a time: a piece's end is the first byte of
/// them that is whitespace, and an ASCII word of eight bytes or fewer
/// (most words) is packed for the lookup from the same load.
pub(crate) fn stop_words(text: &str, skip_long: bool) -> StopWords<'_> {
    StopWords {
        text,
        pos: 0,
        skip_long,
    }
}

/// The iterator of [`stop_words`].
pub(crate) struct StopWords<'a> {
    text: &'a str,
    pos: usize,
    skip_long: bool,
}

/// The eight bytes of `bytes` from `at` as one little-endian word, padded
/// with spaces past the end.
#[inline(always)]
fn load8(bytes: &[u8], at: usize) -> u64 {
    swar::load_padded(bytes, at, b' ')
}

/// The high bit of each byte of `x` that is ASCII and under `!` (a space or
/// a control character): no byte borrows from the next, each having its
/// high bit set before the subtraction.
#[inline(always)]
fn spaces_or_controls(x: u64) -> u64 {
    !((x | HIGHS) - ONES * 0x21) & !x & HIGHS
}

/// The low `n` bytes of `x` (`n` at most 8).
#[inline(always)]
fn low_bytes(x: u64, n: usize) -> u64 {
    if n >= 8 {
        x
    } else {
        x & ((1u64 << (8 * n)) - 1)
    }
}

impl Iterator for StopWords<'_> {
    type Item = Piece;

    #[inline(always)]
    fn next(&mut self) -> Option<Piece> {
        let bytes = self.text.as_bytes();
        let len = bytes.len();
        let mut start = self.pos;
        while start < len && BYTE_CLASS[usize::from(bytes[start])] & SPACE != 0 {
            start += 1;
        }
        if start >= len {
            self.pos = len;
            return None;
        }
        let first = load8(bytes, start);
        let mut x = first;
        let mut at = start;
        let mut high = 0u64;
        // The piece's end: the first whitespace byte (past the end, the
        // padding's spaces); a control character that is no whitespace
        // belongs to the piece.
        let end = 'find: loop {
            let mut cand = spaces_or_controls(x);
            while cand != 0 {
                let k = (cand.trailing_zeros() / 8) as usize;
                let i = at + k;
                if i >= len || BYTE_CLASS[usize::from(bytes[i])] & SPACE != 0 {
                    high |= low_bytes(x, k);
                    break 'find i.min(len);
                }
                cand &= cand - 1;
            }
            high |= x;
            at += 8;
            x = load8(bytes, at);
        };
        self.pos = end;
        Some(if high & HIGHS != 0 {
            piece_of(&self.text[start..end], self.skip_long, u32::MAX)
        } else {
            // ASCII: read as bytes, no character boundary to keep.
            ascii_piece(&INDEX, &bytes[start..end], first)
        })
    }
}

/// One ASCII piece as [`stop_words`] reads it: `raw`, whose first eight
/// bytes (padded) are `first`. An untrimmed word of eight bytes or fewer
/// (most words) is packed for the lookup from that load.
#[inline(always)]
fn ascii_piece(index: &StopIndex, raw: &[u8], first: u64) -> Piece {
    let keep = |b: u8| BYTE_CLASS[usize::from(b)] & WORD_END != 0;
    let n = raw.len();
    if (1..=8).contains(&n) && keep(first as u8) {
        // A word, or a word and one mark after it ("word," "word.").
        let len = if keep(raw[n - 1]) {
            n
        } else if n >= 2 && keep(raw[n - 2]) {
            n - 1
        } else {
            0
        };
        if len > 0 {
            let mask = index.short.get(ascii_lower8(low_bytes(first, len)), len);
            return Some((mask, (first as u8).is_ascii_uppercase()));
        }
    }
    let b = trim_ascii_word(raw);
    b.first()
        .map(|f| (stop_mask_ascii(b), f.is_ascii_uppercase()))
}

/// One piece outside ASCII as [`stop_words`] reads it, a word longer than
/// any stopword not looked up when `skip_long`. `read` holds the languages
/// whose bits of the mask are read: when all their stoplists are ASCII, a
/// word that cannot lower-case to ASCII is not lower-cased ([`narrow_mask`]).
#[inline(never)]
fn piece_of(raw: &str, skip_long: bool, read: u32) -> Piece {
    let text = trim_word(raw);
    if text.is_empty() {
        return None;
    }
    let word = Word {
        text,
        ascii: text.is_ascii(),
    };
    let mask = if skip_long && text.len() > MAX_PACKED {
        0
    } else if !word.ascii && read & WIDE_STOPS == 0 {
        narrow_mask(text)
    } else {
        wide_mask(&word)
    };
    Some((mask, word.capitalised()))
}

/// The languages with a stopword outside ASCII (its `'` folded from `’`).
const WIDE_STOPS: u32 = {
    let mut bits = 0;
    let mut lang = 0;
    while lang < STOPWORDS.len() {
        if !STOPWORDS[lang].1.is_ascii() {
            bits |= 1 << lang;
        }
        lang += 1;
    }
    bits
};

/// [`Word::stop_mask`] of a word outside ASCII for languages whose
/// stopwords are all ASCII (not in [`WIDE_STOPS`]): the word is one of
/// theirs only if it lower-cases to ASCII, which only `’` (folded to `'`)
/// and the Kelvin sign (to `k`) do outside ASCII, so any other character
/// outside ASCII makes it none of theirs, without lower-casing it. The
/// mask's bits of other languages may be wrong: only those of ASCII
/// stoplists may be read.
fn narrow_mask(word: &str) -> u32 {
    if word
        .chars()
        .any(|c| !c.is_ascii() && c != '’' && c != '\u{212A}')
    {
        0
    } else {
        wide_mask(&Word {
            text: word,
            ascii: false,
        })
    }
}

/// [`Word::stop_mask`] of a word that was outside ASCII before trimming.
/// A word longer than any stopword is none unless its folding can shrink
/// it enough: only a character of three bytes folds shorter, by two bytes
/// at most (`’` to `'`, the Kelvin sign to `k`, `ẞ` to `ß`), so a word
/// longer than a stopword by more than twice its characters of three bytes
/// (a Cyrillic word, a Greek one, "inflation—and-more") is not looked up.
#[inline(always)]
fn wide_mask(word: &Word<'_>) -> u32 {
    let b = word.text.as_bytes();
    if b.len() > MAX_PACKED {
        let three = b.iter().filter(|&&b| b & 0xF0 == 0xE0).count();
        if b.len() > MAX_PACKED + 2 * three {
            return 0;
        }
    }
    word.stop_mask()
}

/// [`BYTE_CLASS`] bits: ASCII whitespace, and the ASCII bytes a word keeps
/// at its ends (letters, digits, the apostrophe).
const SPACE: u8 = 1;
const WORD_END: u8 = 2;

/// Each byte's class bits, one load instead of a chain of range tests.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        if byte.is_ascii_whitespace() {
            table[b] |= SPACE;
        }
        if byte.is_ascii_alphanumeric() || byte == b'\'' {
            table[b] |= WORD_END;
        }
        b += 1;
    }
    table
};

/// [`trim_word`] of an ASCII piece, over bytes.
#[inline]
fn trim_ascii_word(raw: &[u8]) -> &[u8] {
    let keep = |b: &u8| BYTE_CLASS[usize::from(*b)] & WORD_END != 0;
    match (raw.first(), raw.last()) {
        // Most words need no trimming.
        (Some(a), Some(z)) if keep(a) && keep(z) => raw,
        _ => match raw.iter().position(keep) {
            Some(first) => {
                let last = raw.iter().rposition(keep).unwrap_or(first);
                &raw[first..=last]
            }
            None => &[],
        },
    }
}

/// A word without the punctuation around it: letters, digits and
/// apostrophes are kept at its ends.
pub(crate) fn trim_word(raw: &str) -> &str {
    let keep = |c: char| is_alphanumeric(c) || c == '\'' || c == '’';
    let bytes = raw.as_bytes();
    let ascii_keep = |b: u8| b.is_ascii_alphanumeric() || b == b'\'';
    // Most words need no trimming: both ends are ASCII letters or digits.
    if bytes.first().is_some_and(|&b| ascii_keep(b)) && bytes.last().is_some_and(|&b| ascii_keep(b))
    {
        return raw;
    }
    raw.trim_matches(|c: char| !keep(c))
}

/// [`Word::stop_mask`] of an ASCII word: lower-cased straight into the
/// table's packed key (ASCII lower-casing keeps the length, so longer words
/// are no stopwords).
#[inline(always)]
pub(crate) fn stop_mask_ascii(word: &[u8]) -> u32 {
    let Some((lo, hi)) = pack_ascii(word) else {
        return 0;
    };
    INDEX.get_key((ascii_lower8(lo), ascii_lower8(hi)), word.len())
}

/// [`pack`] of a word of 1 to 16 bytes by a few loads that may overlap
/// (an overlapping byte is the same byte, and `|` keeps it): no copy of a
/// variable length, which compiles to a call.
#[inline(always)]
fn pack_ascii(w: &[u8]) -> Option<(u64, u64)> {
    let len = w.len();
    let u32_at = |i: usize| u64::from(u32::from_le_bytes([w[i], w[i + 1], w[i + 2], w[i + 3]]));
    let u64_at = |i: usize| u64::from_le_bytes(w[i..i + 8].try_into().expect("8 bytes"));
    Some(match len {
        0 => return None,
        1..=3 => {
            let (a, b, c) = (
                u64::from(w[0]),
                u64::from(w[len / 2]),
                u64::from(w[len - 1]),
            );
            (a | b << (8 * (len / 2)) | c << (8 * (len - 1)), 0)
        }
        4..=7 => (u32_at(0) | u32_at(len - 4) << (8 * (len - 4)), 0),
        8 => (u64_at(0), 0),
        9..=MAX_PACKED => (u64_at(0), u64_at(len - 8) >> (8 * (16 - len))),
        _ => return None,
    })
}

/// ASCII upper-case letters of eight ASCII bytes to lower case, all at
/// once: each byte in `A..=Z` ([`swar::bytes_within`]) gains 0x20.
#[inline(always)]
fn ascii_lower8(x: u64) -> u64 {
    x | swar::bytes_within(x, b'A', b'Z') >> 2
}

/// Lower-case `word` into `buf`, folding `’` to `'`; ASCII without a table walk.
pub(crate) fn lower_into(word: &str, buf: &mut String) {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
        return;
    }
    let classes = &**CLASSES;
    for c in word.chars() {
        if c == '’' {
            buf.push('\'');
        } else if classes.get(c as usize).is_some_and(|&k| k & CASED == 0) {
            // Most letters of lower-case prose: no trip to std's case tables.
            buf.push(c);
        } else {
            buf.extend(c.to_lowercase());
        }
    }
}

/// Frequent function characters of Chinese and Japanese prose, for density
/// on unspaced scripts.
pub(crate) fn is_cjk_function_char(c: char) -> bool {
    matches!(
        c,
        '的' | '了'
            | '是'
            | '在'
            | '和'
            | '有'
            | '我'
            | '这'
            | '他'
            | '也'
            | '就'
            | '不'
            | '人'
            | '们'
            | '中'
            | '为'
            | '上'
            | '个'
            | '到'
            | '说'
            | '与'
            | '对'
            | '而'
            | '将'
            | '被'
            | '从'
            | '但'
            | '于'
            | '以'
            | 'の'
            | 'に'
            | 'は'
            | 'を'
            | 'た'
            | 'が'
            | 'で'
            | 'て'
            | 'と'
            | 'し'
            | 'れ'
            | 'さ'
            | 'な'
            | 'る'
            | 'も'
            | 'か'
            | 'す'
            | 'ま'
            | 'い'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopword_table() {
        assert_ne!(stop_mask("the") & stop_bit("en"), 0);
        assert_ne!(stop_mask("und") & stop_bit("de"), 0);
        assert_ne!(stop_mask("только") & stop_bit("ru"), 0);
        assert_ne!(stop_mask("a") & stop_bit("pt"), 0);
        assert_eq!(stop_mask("harbour"), 0);
        assert_eq!(stop_mask(""), 0);
        assert_eq!(stop_mask("averyveryverylongwordindeed"), 0);
        // Every listed word is found with its language's bit.
        for (lang, (code, words)) in STOPWORDS.iter().enumerate() {
            for w in words.split_whitespace() {
                assert_ne!(stop_mask(w) & (1 << lang), 0, "{code}: {w}");
            }
        }
        // Exactly the languages that list a word, and no others; no bits
        // for any other word of three letters or fewer.
        let mut want: std::collections::HashMap<&str, u32> = Default::default();
        for (lang, (_, words)) in STOPWORDS.iter().enumerate() {
            for w in words.split_whitespace() {
                *want.entry(w).or_default() |= 1 << lang;
            }
        }
        for (w, &m) in &want {
            assert_eq!(stop_mask(w), m, "{w}");
        }
        let letters = || (b'a'..=b'z').chain(*b"'0");
        for a in letters() {
            for b in letters().chain([0]) {
                for c in letters().chain([0]) {
                    let w: Vec<u8> = [a, b, c].into_iter().filter(|&x| x != 0).collect();
                    let w = std::str::from_utf8(&w).expect("ASCII");
                    assert_eq!(stop_mask(w), want.get(w).copied().unwrap_or(0), "{w}");
                }
            }
        }
    }

    #[test]
    fn stop_words_read_as_split_and_trim() {
        // The plain reading: split at ASCII whitespace, trim, look up.
        let plain = |text: &str, skip_long: bool| -> Vec<Piece> {
            text.split_ascii_whitespace()
                .map(|raw| {
                    let text = trim_word(raw);
                    let word = Word {
                        text,
                        ascii: text.is_ascii(),
                    };
                    (!text.is_empty()).then(|| {
                        let mask = if skip_long && text.len() > MAX_PACKED {
                            0
                        } else {
                            word.stop_mask()
                        };
                        (mask, word.capitalised())
                    })
                })
                .collect()
        };
        let mut texts: Vec<String> = [
            "",
            " ",
            "The cat and the hat",
            "  THE\tend\n of, (it) -- \"Und\" l'été don’t Don’t ÜBER für\u{1}x a\u{1} ",
            "averyveryverylongwordindeed and\u{b}the | — · x",
            "только для нас… и в 2024 году: «это» так",
            "12345678 123456789 abcdefgh abcdefghi The. the, (the) 'the' them",
            "a. . ,, the., I, abcdefg. Abouts, abcdefgh. about! the’ x",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every length around the eight-byte loads, at every offset.
        for len in 0..20 {
            for lead in 0..10 {
                texts.push(format!("{}{} the", " ".repeat(lead), "a".repeat(len)));
                texts.push(format!("{}The{}", "x ".repeat(lead), " ".repeat(len)));
            }
        }
        for t in &texts {
            for skip in [false, true] {
                assert_eq!(
                    stop_words(t, skip).collect::<Vec<_>>(),
                    plain(t, skip),
                    "{t:?}"
                );
            }
        }
    }

    #[test]
    fn line_words_vote_as_the_sample_does() {
        let lines = [
            "The quick brown fox jumps over the lazy dog and runs away.",
            "— | ·",
            "Die Bundesregierung hat am Montag neue Regeln für den Handel beschlossen.",
            "le chat et le chien sont dans la maison",
        ];
        for n in [1, 3, 40, 150, 400] {
            let texts: Vec<&str> = lines.iter().cycle().take(n).copied().collect();
            let lws: Vec<LineWords> = texts.iter().map(|t| LineWords::of(t)).collect();
            let sample: String = texts.iter().map(|t| format!("{t}\n")).collect();
            assert_eq!(
                vote_lines(texts.iter().copied().zip(lws.iter().map(Some))),
                vote(&sample),
                "{n}"
            );
            // Lines without their words counted are read as the vote needs.
            assert_eq!(
                vote_lines(texts.iter().map(|&t| (t, None))),
                vote(&sample),
                "{n}"
            );
            for (t, lw) in texts.iter().zip(&lws) {
                for (lang, _) in STOPWORDS.iter().enumerate() {
                    let want = stop_words(t, false)
                        .flatten()
                        .filter(|(m, _)| m & (1 << lang) != 0)
                        .count();
                    assert_eq!(lw.count(lang), want, "{t:?} {lang}");
                }
            }
        }
        // Every length around the eight-byte loads, at every offset, words
        // to trim, outside ASCII, long.
        let mut texts: Vec<String> = Vec::new();
        for len in 0..20 {
            for lead in 0..10 {
                texts.push(format!("{}{} the", "x ".repeat(lead), "a".repeat(len)));
                texts.push(format!(
                    "{}The. (of) «und» l’été {}",
                    "y ".repeat(lead),
                    "b".repeat(len)
                ));
                texts.push(format!(
                    "{}— averyveryverylongwordindeed Don’t \u{1}x{}",
                    "z ".repeat(lead),
                    "é".repeat(len)
                ));
            }
        }
        for t in &texts {
            // Normal, as units' text is.
            let t = &t.split_whitespace().collect::<Vec<_>>().join(" ");
            let lw = LineWords::of(t);
            let pieces: Vec<Piece> = stop_words(t, false).collect();
            assert_eq!(lw.pieces, pieces.len(), "{t:?}");
            assert_eq!(lw.words, pieces.iter().flatten().count(), "{t:?}");
            assert_eq!(
                lw.caps,
                pieces.iter().flatten().filter(|p| p.1).count(),
                "{t:?}"
            );
            for (lang, _) in STOPWORDS.iter().enumerate() {
                let want = pieces
                    .iter()
                    .flatten()
                    .filter(|(m, _)| m & (1 << lang) != 0)
                    .count();
                assert_eq!(lw.count(lang), want, "{t:?} {lang}");
            }
        }
        // Counted for two languages, those two count alike.
        for t in lines {
            let (en, de) = (stop_bit("en"), stop_bit("de"));
            let two = LineWords::of_two(t, de, en);
            let all = LineWords::of(t);
            assert_eq!(two.count_bit(en), all.count_bit(en), "{t:?}");
            assert_eq!(two.count_bit(de), all.count_bit(de), "{t:?}");
            assert_eq!(
                (two.words, two.caps, two.pieces),
                (all.words, all.caps, all.pieces)
            );
            assert_eq!(LineWords::of_two(t, en, 0).count_bit(en), all.count_bit(en));
        }
        // Counts past sixteen bits carry.
        let long = "the ".repeat(70_000);
        let lw = LineWords::of(&long);
        assert_eq!(lw.count_bit(stop_bit("en")), 70_000);
        let lw = LineWords::of_two(&long, stop_bit("en"), stop_bit("de"));
        assert_eq!(lw.count_bit(stop_bit("en")), 70_000);
        assert_eq!(lw.words, 70_000);
    }

    #[test]
    fn long_wide_words_skipped_only_when_no_fold_shrinks_them() {
        for w in [
            "ДЛЯДЛЯДЛЯДЛЯДЛЯ",
            "éééééééééé",
            "\u{212a}\u{212a}\u{212a}\u{212a}\u{212a}\u{212a}",
            "they’re’",
            "inflation—and-more",
            "\u{212a}\u{212a}\u{212a}\u{212a}\u{212a}\u{212a}’’’’’’",
            "Üüüüüüüüüüüüüü",
            "ĶĶĶĶĶĶĶĶĶ",
        ] {
            let word = Word {
                text: w,
                ascii: false,
            };
            assert_eq!(wide_mask(&word), word.stop_mask(), "{w:?}");
        }
        // No character of two bytes lower-cases to one.
        for c in (0x80..0x800).filter_map(char::from_u32) {
            assert!(
                c.to_lowercase().map(char::len_utf8).sum::<usize>() >= 2,
                "{c:?}"
            );
        }
    }

    #[test]
    fn packed_loads_pack_as_the_copy_does() {
        // Every length, every ASCII byte at every place.
        let base: Vec<u8> = (0..MAX_PACKED as u8).map(|i| b'a' + i).collect();
        for len in 0..=MAX_PACKED + 1 {
            for b in 0..128u8 {
                for at in 0..len.max(1) {
                    let mut w: Vec<u8> = base.iter().copied().cycle().take(len).collect();
                    if let Some(x) = w.get_mut(at) {
                        *x = b;
                    }
                    assert_eq!(pack_ascii(&w), pack(&w), "{w:?}");
                    let lower = w.to_ascii_lowercase();
                    assert_eq!(
                        pack_ascii(&w).map(|(lo, hi)| (ascii_lower8(lo), ascii_lower8(hi))),
                        pack(&lower),
                        "{w:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn only_kelvin_and_the_apostrophe_lower_to_ascii() {
        for c in (0x80..=0x10_FFFF).filter_map(char::from_u32) {
            let ascii = c.to_lowercase().all(|l| l.is_ascii());
            assert_eq!(ascii, c == '\u{212A}', "{c:?}");
        }
        // The narrow mask agrees with the full one on ASCII stoplists.
        let en = stop_bit("en");
        assert_eq!(WIDE_STOPS & en, 0);
        for w in [
            "don’t",
            "\u{212A}",
            "Ünder",
            "über",
            "THE",
            "caf\u{e9}",
            "it’s",
        ] {
            assert_eq!(
                narrow_mask(w) & en,
                stop_mask(&w.to_lowercase().replace('’', "'")) & en,
                "{w:?}"
            );
        }
    }

    #[test]
    fn ascii_letters_counts_as_the_filter_does() {
        let all: Vec<u8> = (0..128u8).collect();
        for start in 0..all.len() {
            for len in 0..20.min(all.len() - start) {
                let t = &all[start..start + len];
                assert_eq!(
                    ascii_letters(t),
                    t.iter().filter(|b| b.is_ascii_alphabetic()).count(),
                    "{t:?}"
                );
            }
        }
        let line = b"The quick brown fox, 12 [jumps] @ `over` {the} lazy dog.";
        assert_eq!(
            ascii_letters(line),
            line.iter().filter(|b| b.is_ascii_alphabetic()).count()
        );
    }

    #[test]
    fn ascii_prefix_found_as_the_byte_walk_finds_it() {
        for len in 0..40 {
            for at in 0..=len {
                let mut t = vec![b'a'; len];
                if at < len {
                    t[at] = 0xC3;
                }
                let want = t.iter().position(|b| !b.is_ascii()).unwrap_or(t.len());
                assert_eq!(ascii_prefix_len(&t), want, "{len} {at}");
            }
        }
    }

    #[test]
    fn wide_words_fold_as_lower_into_does() {
        for w in [
            "Don’t",
            "IT’S",
            "company’s",
            "café",
            "Über",
            "’",
            "x’’’’’’’’’’’’’’’’",
            "ТОЛЬКО",
            "только",
            "Только’",
            "ДЛЯ",
            "İstanbul",
            "ǅemal",
            "ΣΟΦΊΑ",
            "Schloß",
            "éééééééé",
            "ééééééééé",
            "ÉÉÉÉÉÉÉÉ",
        ] {
            let word = Word {
                text: w,
                ascii: false,
            };
            let mut lower = String::new();
            lower_into(w, &mut lower);
            assert_eq!(word.stop_mask(), stop_mask(&lower), "{w:?}");
        }
        assert_ne!(stop_mask_wide("Don’t") & stop_bit("en"), 0);
    }

    #[test]
    fn class_table_matches_std() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            let symbol_block = matches!(c as u32, 0x2000..=0x2BFF | 0x3000..=0x303F);
            let letter = scan(c.encode_utf8(&mut [0; 4])).letters == 1;
            assert_eq!(letter, c.is_alphabetic() && !symbol_block, "{c:?}");
            let mut lower = String::new();
            lower_into(c.encode_utf8(&mut [0; 4]), &mut lower);
            let expected: String = if c == '’' {
                "'".into()
            } else {
                c.to_lowercase().collect()
            };
            assert_eq!(lower, expected, "{c:?}");
        }
    }

    #[test]
    fn alnum_words_split_as_std() {
        for text in [
            "",
            "  ",
            "Hello, world!",
            "l'été — déjà vu… 2024",
            "„Zitat“ und ‚mehr‘",
            "北京今天_新浪网 (日本語)",
            "x",
            "½ ⅓ ① ²",
            "tail-",
        ] {
            let want: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(alnum_words(text).collect::<Vec<_>>(), want, "{text:?}");
        }
    }

    #[test]
    fn scripts() {
        assert_eq!(script_of("Hello world"), Some(Script::Latin));
        assert_eq!(
            script_of("Новости дня и прогноз погоды"),
            Some(Script::Cyrillic)
        );
        assert_eq!(script_of("中文 (Chinese)"), Some(Script::Latin));
        assert_eq!(script_of("日本語"), Some(Script::Cjk));
        assert_eq!(script_of("12:30 — !"), None);
    }

    #[test]
    fn detects_languages() {
        assert_eq!(
            detect("The quick brown fox jumps over the lazy dog and runs away into the forest."),
            Some("en")
        );
        assert_eq!(
            detect("Die Bundesregierung hat am Montag neue Regeln für den Handel beschlossen."),
            Some("de")
        );
        assert_eq!(detect("short"), None);
    }
}
