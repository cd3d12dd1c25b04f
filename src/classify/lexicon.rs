//! The boilerplate lexicon: UI phrases in many languages, in two pattern
//! sets scanned by lazy DFAs.
//!
//! Each entry carries the [`Reason`] it stands for and the longest line it
//! may judge. Short UI strings ("Share", "Log in") are only trusted on short
//! lines, where they are the whole point of the line; phrases typical of
//! banners ("we use cookies") are trusted on lines of banner length.
//! Entries are phrases any site may print, never strings of one page.

use crate::article::Reason;
use crate::extract::figure;
use regex::{Regex, RegexBuilder};
use regex_automata::hybrid::dfa::{Cache as DfaCache, DFA};
use regex_automata::nfa::thompson::{self, pikevm::PikeVM, WhichCaptures, NFA};
use regex_automata::util::pool::Pool;
use regex_automata::{Input, MatchKind, PatternSet};

/// A line at most this long may be judged by a whole-line entry (`Short`).
/// UI strings are rarely longer; a prose sentence that merely starts with
/// "Share" is.
const SHORT: usize = 80;
/// Banner phrases (cookies, newsletters, paywalls) run up to a few sentences.
const BANNER: usize = 700;

struct Entry {
    reason: Reason,
    max_chars: usize,
    pattern: &'static str,
    /// A looser pattern the lexicon's sets scan for instead, which every
    /// match of `pattern` matches too; a line it matches is then held to
    /// `pattern` alone. A piece that keeps a pattern under way for many
    /// bytes of most lines (a leading `\S+`, a `.{0,40}` window) multiplies
    /// the states of the whole set's automaton; its looser form, cut
    /// before that piece or started from a rare word, does not.
    scan: Option<&'static str>,
}

const fn e(reason: Reason, max_chars: usize, pattern: &'static str) -> Entry {
    Entry {
        reason,
        max_chars,
        pattern,
        scan: None,
    }
}

impl Entry {
    const fn scan(self, scan: &'static str) -> Entry {
        Entry {
            scan: Some(scan),
            ..self
        }
    }
}

use Reason::*;

#[rustfmt::skip]
const ENTRIES: &[Entry] = &[
    // --- share widgets -------------------------------------------------------
    e(ShareWidget, SHORT, r"^(share|share this( article| story| page| post)?|share on (facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|email)|tweet|tweet this|pin it|copy link|link copied|email this|print|print this( article| page)?|whatsapp|facebook|twitter|linkedin|pinterest|reddit|telegram|flipboard|messenger|e-?mail|sms|teilen|artikel teilen|auf facebook teilen|drucken|link kopieren|partager|partager sur (facebook|twitter)|imprimer|copier le lien|compartir|compartir en (facebook|twitter)|imprimir|copiar enlace|condividi|condividi su facebook|stampa|copia link|compartilhar|partilhar|copiar link|delen|deel dit artikel|link kopiëren|udostępnij|podziel się|kopiuj link|поделиться|скопировать ссылку|分享|分享到|复制链接|シェア|共有|공유)[\s:!.]*$"),
    e(ShareWidget, SHORT, r"^(share|teilen|partager|compartir|condividi|compartilhar|delen|udostępnij|поделиться)( on| via| auf| sur| en| su| no| op| в)?[\s:]*((facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|email|e-mail|telegram|messenger|vk|xing|flipboard|mail|print|sms)[\s,|/·•]*)+$"),
    e(ShareWidget, SHORT, r"^((facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|email|e-mail|telegram|messenger|vk|xing|flipboard|instagram|youtube|tiktok|threads|bluesky|mastodon|rss|print|copy link|comments?)[\s,|/·•]*){2,}$"),
    e(ShareWidget, SHORT, r"^(\S+\s+)?((facebook|twitter|whatsapp|linkedin|pinterest|pint|reddit|telegram|email|e-mail|messenger|vk|xing|tumblr|pocket|sms|tweet)\b[\s,|/·•]*){2,}(\S+)?$").scan(r"(facebook|twitter|whatsapp|linkedin|pinterest|pint|reddit|telegram|email|e-mail|messenger|vk|xing|tumblr|pocket|sms|tweet)\b[\s,|/·•]*(facebook|twitter|whatsapp|linkedin|pinterest|pint|reddit|telegram|email|e-mail|messenger|vk|xing|tumblr|pocket|sms|tweet)\b"),
    e(ShareWidget, SHORT, r"^(sharing is caring|read later|save for later|save (this )?(article|story)|bookmark( this)?|add to (favorites|favourites|reading list)|listen to (this )?(article|story))[\s:!.]*$"),
    e(Navigation, SHORT, r"^((previous|next|older|newer|prev) (post|article|story|entry|page|posts|articles|entries)|vorheriger artikel|nächster artikel|article (précédent|suivant)|artículo (anterior|siguiente)|articolo (precedente|successivo)|предыдущая статья|следующая статья)[\s:!.»«›‹]*$"),
    e(CommentPrompt, SHORT, r"^(добавить отзыв|оставить отзыв|написать отзыв|write a review|add a review|bewertung schreiben|écrire un avis|escribir una reseña|scrivi una recensione)[\s:!.]*$"),
    e(Footer, BANNER, r"(these statements have not been evaluated by the (food and drug administration|fda)|this (product|information) is not intended to diagnose|the information (provided|contained) (on|in) this (website|site|article)|for informational purposes only|does not constitute (medical|financial|legal|investment) advice)"),
    e(ShareWidget, SHORT, r"^(follow us|follow us on|folgen sie uns|suivez-nous|síguenos|seguici|siga-nos|volg ons|obserwuj nas|подписывайтесь|关注我们)\b.*$"),
    e(ShareWidget, SHORT, r"^(opens? in (a )?new (window|tab)|this link opens in a new (window|tab))$"),
    e(ShareWidget, SHORT, r"^follow (\S+ ){0,3}on( (facebook|twitter|x|instagram|telegram|youtube|linkedin|tiktok|threads|bluesky|mastodon|google news))?[\s:!.]*$"),
    e(ShareWidget, SHORT, r"^(did you )?(like|liked|enjoy|enjoyed|love|loved) (this|the|our) (story|article|post|video|recipe)\??\s*(share|send|tell|pass) (it|this)\b"),
    // --- login / account / paywall -------------------------------------------
    e(LoginPrompt, SHORT, r"^(log ?in|log ?out|sign ?in|sign ?out|sign up|register|my account|create (an |a free )?account|subscribe|subscribe now|subscriber login|already (a subscriber|have an account)\??|log in or register|sign in or register|login or register|log in( or|/) sign up|sign in to (comment|continue|read)|anmelden|abmelden|einloggen|registrieren|mein konto|jetzt abonnieren|abonnieren|se connecter|connexion|s'inscrire|s’inscrire|mon compte|s'abonner|s’abonner|abonnez-vous|iniciar sesión|inicia sesión|registrarse|regístrate|mi cuenta|suscríbete|suscribirse|accedi|registrati|il mio account|abbonati|entrar|iniciar sessão|cadastre-se|assine|minha conta|inloggen|registreren|mijn account|abonneren|zaloguj( się)?|zarejestruj( się)?|moje konto|subskrybuj|войти|вход|регистрация|зарегистрироваться|личный кабинет|подписаться|登录|注册|登入|ログイン|会員登録|로그인)[\s:!.]*$"),
    e(LoginPrompt, SHORT, r"^(to (participate|take part|join) in (the )?(discussion|conversation)|(log|sign) ?in (or|/) (register|sign ?up|create an account)( to .*)?|you must be (logged|signed) in to .*|(please )?(log|sign) ?in to (comment|continue|read|post|reply|participate|join).*|um (an der diskussion teilzunehmen|zu kommentieren).*|pour (participer|commenter).*|para (participar|comentar).*|per (partecipare|commentare).*|чтобы (участвовать|оставить комментарий|прокомментировать).*)$"),
    e(LoginPrompt, BANNER, r"(subscribe (now )?(to|for) (continue|keep) reading|to continue reading,? (please )?(subscribe|log in|sign in)|this (article|content) is (only )?(available|reserved) (to|for) (subscribers|members)|already a subscriber\?|you have reached (your|the) (limit|maximum) of free articles|you've reached your (free )?article limit|create a free account to (continue|read)|subscribe to (read|unlock|continue)|dieser artikel ist nur für abonnenten|réservé aux abonnés|contenido exclusivo para suscriptores|riservato agli abbonati)"),
    // --- comments --------------------------------------------------------------
    e(CommentPrompt, SHORT, r"^(comments?|\d+ comments?|comments? \(\d+\)|view( all)? comments?|show comments?|add (a )?comment|post (a )?comment|leave a (comment|reply)|write a comment|reply|reply to this comment|join the (discussion|conversation)|be the first to comment\.?|no comments( yet)?\.?|comments are closed\.?|discussion|(\d+ )?kommentare?|kommentieren|kommentar schreiben|(\d+ )?commentaires?|commenter|laisser un commentaire|réagir|(\d+ )?comentarios?|comentar|deja un comentario|(\d+ )?commenti|commenta|lascia un commento|rispondi|responder|(\d+ )?reacties|reageer|reageren|(\d+ )?komentarz(e|y)?|skomentuj|odpowiedz|(\d+ )?комментари(й|ев|я)|комментировать|ответить|评论|发表评论|回复|コメント|댓글)[\s:!.]*$"),
    e(CommentPrompt, SHORT, r"^\S+(\s\S+){0,2}\s(says|said|wrote|schreibt|schrieb|écrit|dice|escribió|scrive|diz|schreef|pisze|пишет|написал)\s*:$").scan(r"\s(says|said|wrote|schreibt|schrieb|écrit|dice|escribió|scrive|diz|schreef|pisze|пишет|написал)\s*:$"),
    e(CommentPrompt, SHORT, r"^(reply|report|like|flag|permalink|quote)(\s*[·|•\s]\s*(reply|report|like|flag|permalink|share|quote))+$"),
    e(CommentPrompt, SHORT, r"^[\[(]?\s*\d[\d,.]*k?\s+(comments?|responses?|replies|reactions?|kommentare|commentaires|comentarios|commenti|reacties|komentarzy|комментари\w*)\s*[\])]?$"),
    e(ShareWidget, SHORT, r"^[\[(]?\s*\d[\d,.]*k?\s+(shares?|likes?|views|pins?|tweets?)\s*[\])]?$"),
    e(CommentPrompt, SHORT, r"^((top|best|newest|oldest|most recent|most popular|featured|reader|readers') (rated )?comments|comments? section|show (all )?\d* ?(comments?|replies)|load (more )?comments|sort by:?.*)$"),
    e(ShareWidget, BANNER, r"^(share (your thoughts|this|it) with (your )?friends|share this (article|story|post) with)"),
    e(Newsletter, BANNER, r"^(if you (enjoyed|liked|value|appreciate)d? (this|our) (article|post|story|journalism|work)|support (our|independent) journalism|become a (member|supporter|patron)|donate now)"),
    // A blog's comment section headed with the post's title: "59 Comments on “Title”", "One thought on “Title”".
    e(CommentPrompt, 250, r#"^((\d[\d,.]*|one|no) )?(comments?|thoughts?|responses?|replies) (on|to) [“"'‘«„].{1,200}$"#).scan(r#"^((\d[\d,.]*|one|no) )?(comments?|thoughts?|responses?|replies) (on|to) [“"'‘«„]."#),
    e(CommentPrompt, BANNER, r"(comments? (are|is) (closed|moderated)|we (welcome|encourage) (your )?comments|your email address will not be published|required fields are marked|notify me of (follow-up comments|new posts)|save my name, email,? and website|by commenting,? you agree|community guidelines|comment policy|(comentários|comentarios|commentaires|kommentare|commenti)\b.{0,120}\b(não serão|no serán|ne seront pas|werden nicht|non saranno) (aprovados|publicados|aprobados|publiés|approuvés|veröffentlicht|freigeschaltet|pubblicati|approvati))").scan(r"(comments? (are|is) (closed|moderated)|we (welcome|encourage) (your )?comments|your email address will not be published|required fields are marked|notify me of (follow-up comments|new posts)|save my name, email,? and website|by commenting,? you agree|community guidelines|comment policy|(comentários|comentarios|commentaires|kommentare|commenti)\b)"),
    // --- cookies / consent -----------------------------------------------------
    e(CookieNotice, BANNER, r"(\bwe use cookies\b|\bcookies are (absolutely|strictly) (essential|necessary)\b|\bnecessary cookies\b|\b(analytics|functional|performance|advertisement) cookies\b|\bcookies? (that|which) (may|are) not\b|\bthis (web)?site uses cookies\b|\buses cookies to\b|\bby (continuing to (use|browse)|using) (this|our) (site|website)\b.*\b(cookies|agree|consent)|\bcookie (policy|settings|preferences|consent)\b|\baccept (all )?cookies\b|\bmanage (cookie|consent|privacy) (settings|preferences)\b|^these cookies\b|\b(opt[ -]out of|out of) these cookies\b|\bcannot be switched off in our systems\b|\bpartners can use this (special )?(purpose|feature)\b|\bdo not sell my (personal )?info|\bverwendet cookies\b|\bwir verwenden cookies\b|\bcookie-einstellungen\b|\butilise des cookies\b|\bnous utilisons des cookies\b|\butiliza cookies\b|\butilizamos cookies\b|\butilizza (i )?cookie\b|\butilizziamo (i )?cookie\b|\bgebruikt cookies\b|\bwij gebruiken cookies\b|\bużywa(my)? (plików )?cookies\b|\bиспользует (файлы )?cookie\b|\bиспользуем (файлы )?cookie\b|使用cookie|使用 cookie)").scan(r"(\bwe use cookies\b|\bcookies are (absolutely|strictly) (essential|necessary)\b|\bnecessary cookies\b|\b(analytics|functional|performance|advertisement) cookies\b|\bcookies? (that|which) (may|are) not\b|\bthis (web)?site uses cookies\b|\buses cookies to\b|\bby (continuing to (use|browse)|using) (this|our) (site|website)\b|\bcookie (policy|settings|preferences|consent)\b|\baccept (all )?cookies\b|\bmanage (cookie|consent|privacy) (settings|preferences)\b|^these cookies\b|\b(opt[ -]out of|out of) these cookies\b|\bcannot be switched off in our systems\b|\bpartners can use this (special )?(purpose|feature)\b|\bdo not sell my (personal )?info|\bverwendet cookies\b|\bwir verwenden cookies\b|\bcookie-einstellungen\b|\butilise des cookies\b|\bnous utilisons des cookies\b|\butiliza cookies\b|\butilizamos cookies\b|\butilizza (i )?cookie\b|\butilizziamo (i )?cookie\b|\bgebruikt cookies\b|\bwij gebruiken cookies\b|\bużywa(my)? (plików )?cookies\b|\bиспользует (файлы )?cookie\b|\bиспользуем (файлы )?cookie\b|使用cookie|使用 cookie)"),
    e(CookieNotice, SHORT, r"^(accept|accept all|reject all|i agree|agree|got it|ok,? got it|allow (all|cookies)|decline|manage (options|preferences|settings)|cookie settings|privacy settings|alle akzeptieren|akzeptieren|ablehnen|tout accepter|accepter|refuser|aceptar( todo)?|rechazar|accetta( tutto)?|rifiuta|aceitar( todos)?|rejeitar|alles accepteren|accepteren|weigeren|akceptuj(ę)?|odrzuć|принять( все)?|отклонить|接受|同意)[\s:!.]*$"),
    // --- newsletters -------------------------------------------------------------
    e(Newsletter, BANNER, r"(sign up for (our|the) .{0,40}newsletters?|subscribe to (our|the) .{0,40}newsletters?|get (our|the) .{0,40}newsletter|newsletter sign ?up|sign up for .{0,40}(emails?|updates|alerts)\b|delivered (straight )?to your inbox|in your inbox\b|enter your e-?mail( address)?|your e-?mail address|by signing up,? you agree|thank you for (signing up|subscribing)|you('re| are) (now )?subscribed|newsletter abonnieren|melden sie sich für (unseren|den) newsletter|inscrivez-vous à (notre|la) newsletter|abonnez-vous à (notre|la) newsletter|suscríbete a (nuestro|la) (boletín|newsletter)|iscriviti alla (nostra )?newsletter|assine (a nossa|nossa) newsletter|schrijf je in voor (onze|de) nieuwsbrief|zapisz się do newslettera|подпишитесь на (нашу )?рассылку|订阅(我们的)?(新闻|电子报))").scan(r"(newsletter|newsletter sign ?up|sign up for |delivered (straight )?to your inbox|in your inbox\b|enter your e-?mail( address)?|your e-?mail address|by signing up,? you agree|thank you for (signing up|subscribing)|you('re| are) (now )?subscribed|newsletter abonnieren|melden sie sich für (unseren|den) newsletter|inscrivez-vous à (notre|la) newsletter|abonnez-vous à (notre|la) newsletter|suscríbete a (nuestro|la) (boletín|newsletter)|iscriviti alla (nostra )?newsletter|assine (a nossa|nossa) newsletter|schrijf je in voor (onze|de) nieuwsbrief|zapisz się do newslettera|подпишитесь на (нашу )?рассылку|订阅(我们的)?(新闻|电子报))"),
    e(Newsletter, SHORT, r"^(newsletters?|sign up|subscribe to (our )?newsletter|nieuwsbrief|infolettre|boletín)[\s:!.]*$"),
    // --- advertising -------------------------------------------------------------
    e(Advertisement, SHORT, r"^(advertisement|advertising|advert|ad|ads|sponsored( content)?|sponsored by.*|promoted( content)?|paid (post|content)|partner content|story continues (below|after) (this )?(advertisement|ad)|article continues (below|after) (this )?(advertisement|ad)|continue reading (the main story|below)|supported by|anzeige|werbung|publicité|pub|publicidad|anuncio|pubblicità|publicidade|advertentie|reklama|реклама|广告|広告|광고)[\s:!.-]*$"),
    e(Advertisement, SHORT, r"^(scroll to continue( with content)?|skip (this )?ad|close ad|report (this )?ad|why this ad\??|ad feedback|remove ads)$"),
    // --- navigation -----------------------------------------------------------------
    e(Navigation, SHORT, r"^(home|homepage|menu|main menu|search|search\.\.\.|close|open|back|back to top|go to top|top|next|previous|prev|next article|previous article|more|show more|load more|see more|read more|view more|see all|view all|skip to (main )?content|skip to (site )?(navigation|index|search|footer)|skip navigation|jump to|toggle navigation|navigation|breadcrumbs?|you are here:?|sections|topics|tags?:?|categories|category|archives?|latest|latest news|trending|popular|most popular|most read|editor'?s picks|top stories|startseite|suche|mehr|weiterlesen|zurück|nach oben|accueil|rechercher|recherche|lire la suite|suivant|précédent|retour|inicio|buscar|leer más|siguiente|anterior|volver|cerca|leggi (di più|tutto)|successivo|precedente|torna su|início|pesquisar|ler mais|próximo|voltar|zoeken|lees meer|volgende|vorige|terug|strona główna|szukaj|czytaj (więcej|dalej)|następny|poprzedni|главная|поиск|меню|читать (далее|еще|ещё)|далее|назад|首页|搜索|更多|下一篇|上一篇|返回|ホーム|検索|次へ|前へ|홈|검색)[\s:!.»›>→]*$"),
    e(Navigation, SHORT, r"^((image|photo|picture|slide|bild|foto|imagen|immagine) )?\d+ (of|von|de|di|sur|z|из) \d+$"),
    // A documentation site's version picker: "Supported versions: Current (18) / 17 / 16".
    e(Navigation, 250, r"^(((other|older|newer|previous|all|supported|unsupported|development|archived|available) )?versions|(other|older|newer|previous|supported|unsupported|development|archived) version)\s*:\s*[\w.-]+(\s*\([\w.-]+\))?(\s*[/|,·]\s*[\w.-]+(\s*\([\w.-]+\))?)*\s*$"),
    e(Caption, BANNER, r"^(image|media|video|photo) caption\b"),
    e(Metadata, BANNER, r"^\(?((additional )?reporting|writing|editing|compiled|translated) by\b.{0,250}$").scan(r"^\(?((additional )?reporting|writing|editing|compiled|translated) by\b"),
    e(Navigation, SHORT, r"^(page \d+ of \d+|\d+ of \d+|seite \d+ von \d+|page \d+ sur \d+|página \d+ de \d+)$"),
    e(Related, SHORT, r"^((more|other|latest|top|popular|trending|recommended|related|further|also) (great |top |popular |recent |latest |new )?.{0,30}(stories|news|articles|posts|reads|videos|headlines|reviews)|(next up|up next|more from|more in|more on|elsewhere on) .{1,40})[\s:!.]*$").scan(r"^((more|other|latest|top|popular|trending|recommended|related|further|also) |(next up|up next|more from|more in|more on|elsewhere on) .)"),
    e(Related, 300, r"[a-z0-9](\.\.\.|…)$"),
    e(Related, SHORT, r"^(você (também )?pode gostar|também pode gostar|te puede (gustar|interesar)|ti potrebbe (piacere|interessare)|das könnte (sie|dich|ihnen) auch (gefallen|interessieren)|misschien ook interessant|może cię zainteresować|вам может (понравиться|быть интересно))[\s:!.…]*$"),
    e(Newsletter, BANNER, r"click here to (support|donate|subscribe|become a member)"),
    e(Related, SHORT, r"^(related|related (articles|stories|posts|content|coverage|topics|news|links|reading)|read more|read also|also read|see also|more (from|on|in|about) .{1,40}|more stories|more news|you (may|might) (also )?like|you may be interested in|recommended( for you| stories| articles| reading)?|don'?t miss|what to read next|up next|further reading|trending now|in other news|around the web|from (our|the) partners|verwandte artikel|das könnte sie auch interessieren|mehr zum thema|lesen sie auch|auch interessant|à lire aussi|lire aussi|sur le même sujet|vous aimerez aussi|artículos relacionados|te puede interesar|lee también|noticias relacionadas|articoli correlati|leggi anche|potrebbe interessarti|artigos relacionados|leia também|veja também|gerelateerde artikelen|lees ook|meer over|powiązane artykuły|czytaj też|zobacz także|читайте также|по теме|похожие статьи|相关文章|相关阅读|推荐阅读|関連記事)[\s:!.]*$"),
    // --- footers ---------------------------------------------------------------------
    // A site's licence notice under each page (docs portals, wikis).
    e(Footer, BANNER, r"(\b(the )?content of this (page|site|website|wiki|documentation) is (available|licensed|published) under\b|\bcode samples are licensed under\b|^(text|content) is available under the\b)"),
    e(Footer, BANNER, r"(all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden|wszelkie prawa zastrzeżone|все права защищены|版权所有|無断転載)"),
    e(Footer, BANNER, r"\b(tel|telephone|phone|fax|call us)\b\.?\s*:?\s*[+(]?\d.{0,200}\b(e-?mail|fax|telephone|phone)\b\s*:").scan(r"\b(tel|telephone|phone|fax|call us)\b\.?\s*:?\s*[+(]?\d"),
    e(Footer, SHORT, r"^(©|\(c\)|copyright)\s*(\d{4}|[\p{L}]).*$"),
    e(Footer, SHORT, r"^(privacy( policy| notice| statement)?|terms( of (use|service))?|terms (and|&) conditions|cookie policy|cookies|accessibility|contact( us)?|about( us)?|imprint|impressum|datenschutz(erklärung)?|agb|kontakt|mentions légales|confidentialité|nous contacter|aviso legal|política de privacidad|contacto|privacy|note legali|contatti|política de privacidade|contato|privacyverklaring|colofon|polityka prywatności|regulamin|политика конфиденциальности|контакты|о нас|隐私政策|联系我们|关于我们|sitemap|site map|rss|rss feeds?|careers|jobs|advertise( with us)?|faq|help|feedback|site index|press|newsroom|legal|ad choices|your privacy choices|do not sell my (personal )?information)[\s:!.]*$"),
    // --- page metadata shown as text -----------------------------------------------------
    e(Metadata, SHORT, r"^(\d+\s*(min|mins|minute|minutes|minuten|minutos|minuti|мин)\.?( read| reading time| lesezeit| de lecture| de lectura| di lettura)?|reading time:? \d+.*|lesezeit:? \d+.*|updated|published|posted|last updated|zuletzt aktualisiert|mis à jour|actualizado|aggiornato|atualizado|bijgewerkt|zaktualizowano|обновлено)[\s:!.]*$"),
    e(Metadata, SHORT, r"^(by|von|par|por|di|door|przez|автор:?)\s*$"),
    e(Metadata, SHORT, r"^(tags?|topics?|filed under|posted in|categories|schlagwörter|themen|mots-clés|etiquetas|temas|argomenti|tag|trefwoorden|tagi|теги|标签)\s*:.*$"),
];

/// What the lexicon makes of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Verdict {
    /// The reason of the first entry that matched and may judge the line.
    pub reason: Option<Reason>,
    /// A photo credit's word ([`figure::CREDIT_WORDS`]) may stand in the
    /// line: false only when the lexicon's scan, which looks for them too,
    /// found none.
    pub credit_word: bool,
}

/// The lexicon a [`Cleaner`](crate::Cleaner) judges with: a handle on the
/// one compiled lexicon of the process, built on first use. Compiling the
/// sets once (not per `Cleaner`) also keeps the states their lazy DFAs have
/// built, so a new `Cleaner` starts warm.
#[derive(Clone, Copy)]
pub(crate) struct Lexicon {
    compiled: &'static Compiled,
}

impl Lexicon {
    pub(crate) fn new() -> Self {
        static COMPILED: std::sync::LazyLock<Compiled> = std::sync::LazyLock::new(Compiled::new);
        Lexicon {
            compiled: &COMPILED,
        }
    }
}

impl std::ops::Deref for Lexicon {
    type Target = Compiled;

    fn deref(&self) -> &Compiled {
        self.compiled
    }
}

/// The compiled lexicon, in two pattern sets: the entries that open the line (`^`),
/// whose anchored scan is over after a few bytes of most lines, and those
/// that may stand anywhere. One set of both would hold every combination
/// of a line's opening with the phrases under way in it: a lazy automaton
/// several times the size of the two, whose states each new page builds
/// anew.
pub(crate) struct Compiled {
    /// Entries whose scan (the pattern or its [`Entry::scan`]) opens with
    /// `^`, with their rank: whole-line entries first, then banner phrases,
    /// each in `ENTRIES` order.
    opening: Set,
    opening_entries: Vec<Ranked>,
    /// The other entries, ranked alike, then [`figure::CREDIT_WORDS`] (see
    /// [`Verdict::credit_word`]).
    floating: Set,
    floating_entries: Vec<Ranked>,
    /// The patterns of the entries scanned for in a looser form
    /// ([`Entry::scan`]), by the address of their entry.
    confirm: Vec<(&'static Entry, Regex)>,
    /// The lazy DFAs' caches, one pair per thread that judges (the pool
    /// hands its owner thread's pair out without a lock).
    caches: Pool<Caches, CacheMaker>,
}

type CacheMaker = Box<dyn Fn() -> Caches + Send + Sync>;

/// The transition caches of the two sets' lazy DFAs.
struct Caches {
    opening: DfaCache,
    floating: DfaCache,
}

/// An entry and its rank (see [`Lexicon`]).
type Ranked = (usize, &'static Entry);

/// The patterns of a set, by index (at most [`Set::MAX`]), as a bit mask.
type Found = u128;

/// A set of patterns: its forward lazy DFA, scanned directly (one call a
/// line, no dispatch through a meta regex, and one pass both finds whether
/// any pattern matches and names those that do), and a PikeVM on the same
/// NFA for the rare line the lazy DFA gives up on.
struct Set {
    dfa: DFA,
    pikevm: PikeVM,
}

impl Set {
    /// Patterns a set may hold: one bit each in [`Found`].
    const MAX: usize = Found::BITS as usize;

    /// The set of `patterns`, compiled as `regex::RegexSet` compiles them
    /// (case-insensitive Unicode syntax, every pattern reported).
    fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Set {
        // Case-insensitive Unicode alternations of this size need more than
        // the default 10 MB compiled-size budget; they are built once. Word
        // boundaries are ASCII ones: see `ascii_bounds`.
        let patterns: Vec<String> = patterns
            .into_iter()
            .map(crate::extract::ascii_bounds)
            .collect();
        assert!(patterns.len() <= Set::MAX, "lexicon set too large");
        let nfa: NFA = thompson::Compiler::new()
            .syntax(
                regex_automata::util::syntax::Config::new()
                    .case_insensitive(true)
                    .utf8(true),
            )
            .configure(
                thompson::Config::new()
                    .utf8(true)
                    .nfa_size_limit(Some(256 << 20))
                    .shrink(false)
                    .which_captures(WhichCaptures::None),
            )
            .build_many(&patterns)
            .expect("lexicon patterns are valid");
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    .match_kind(MatchKind::All)
                    .unicode_word_boundary(true)
                    .cache_capacity(64 << 20)
                    .minimum_cache_clear_count(Some(3))
                    .minimum_bytes_per_state(Some(10)),
            )
            .build_from_nfa(nfa.clone())
            .expect("lexicon automaton builds");
        let pikevm = PikeVM::builder()
            .configure(PikeVM::config().match_kind(MatchKind::All))
            .build_from_nfa(nfa)
            .expect("lexicon automaton builds");
        Set { dfa, pikevm }
    }

    /// The patterns that match somewhere in `text`.
    fn scan(&self, cache: &mut DfaCache, text: &str) -> Found {
        match self.scan_dfa(cache, text) {
            Some(found) => found,
            None => {
                // The lazy DFA quit (a Unicode word boundary on non-ASCII
                // text) or gave up on its cache: the PikeVM answers alike.
                let mut pikevm_cache = self.pikevm.create_cache();
                let mut set = PatternSet::new(self.pikevm.pattern_len());
                self.pikevm.which_overlapping_matches(
                    &mut pikevm_cache,
                    &Input::new(text),
                    &mut set,
                );
                set.iter().fold(0, |found, p| found | 1 << p.as_usize())
            }
        }
    }

    /// One forward pass of the lazy DFA over `text`, collecting the patterns
    /// of every match state it enters, until the end or the dead state
    /// (after which no pattern can match). `None` when the DFA fails.
    #[inline]
    fn scan_dfa(&self, cache: &mut DfaCache, text: &str) -> Option<Found> {
        let dfa = &self.dfa;
        let mut found: Found = 0;
        let mut sid = dfa.start_state_forward(cache, &Input::new(text)).ok()?;
        let seen = |sid, cache: &DfaCache, found: &mut Found| {
            for i in 0..dfa.match_len(cache, sid) {
                *found |= 1 << dfa.match_pattern(cache, sid, i).as_usize();
            }
        };
        if sid.is_tagged() {
            if sid.is_dead() {
                return Some(found);
            }
            if sid.is_quit() {
                return None;
            }
        }
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Runs of untagged states (neither match, dead, quit nor yet
            // uncomputed) take the plain transition.
            if !sid.is_tagged() {
                let trans: &DfaCache = cache;
                // Four bytes a round; the last few bytes, or a byte into a
                // tagged state, take the full transition below.
                'run: for quad in bytes[at..].chunks_exact(4) {
                    let mut next = sid;
                    for &b in quad {
                        next = dfa.next_state_untagged(trans, next, b);
                        if next.is_tagged() {
                            break 'run;
                        }
                        sid = next;
                        at += 1;
                    }
                }
                if at == bytes.len() {
                    break;
                }
            }
            sid = dfa.next_state(cache, sid, bytes[at]).ok()?;
            at += 1;
            if sid.is_tagged() {
                // Matches are delayed by a byte: this state's patterns
                // matched up to the byte before the one just read.
                if sid.is_match() {
                    seen(sid, cache, &mut found);
                } else if sid.is_dead() {
                    return Some(found);
                } else if sid.is_quit() {
                    return None;
                }
            }
        }
        sid = dfa.next_eoi_state(cache, sid).ok()?;
        if sid.is_match() {
            seen(sid, cache, &mut found);
        } else if sid.is_quit() {
            return None;
        }
        Some(found)
    }
}

impl Compiled {
    fn new() -> Self {
        // Whole-line entries rank before banner phrases (see `judge`).
        let (short, banner): (Vec<&Entry>, Vec<&Entry>) =
            ENTRIES.iter().partition(|e| e.max_chars <= SHORT);
        let scan = |e: &&Entry| e.scan.unwrap_or(e.pattern);
        let (opening_entries, floating_entries): (Vec<Ranked>, Vec<Ranked>) = short
            .into_iter()
            .chain(banner)
            .enumerate()
            .partition(|(_, e)| scan(e).starts_with('^'));
        let opening = Set::new(opening_entries.iter().map(|(_, e)| scan(e)));
        let floating = Set::new(
            floating_entries
                .iter()
                .map(|(_, e)| scan(e))
                .chain([figure::CREDIT_WORDS]),
        );
        let (opening_dfa, floating_dfa) = (opening.dfa.clone(), floating.dfa.clone());
        let make: CacheMaker = Box::new(move || Caches {
            opening: opening_dfa.create_cache(),
            floating: floating_dfa.create_cache(),
        });
        Compiled {
            opening,
            opening_entries,
            floating,
            floating_entries,
            confirm: ENTRIES
                .iter()
                .filter(|e| e.scan.is_some())
                .map(|e| {
                    let pattern = crate::extract::ascii_bounds(e.pattern);
                    let regex = RegexBuilder::new(&pattern)
                        .case_insensitive(true)
                        .build()
                        .expect("lexicon patterns are valid");
                    (e, regex)
                })
                .collect(),
            caches: Pool::new(make),
        }
    }

    /// The reason of the first entry that matches `text` (normalised) and may
    /// judge a line of this length, and whether a credit word may stand in it.
    pub(crate) fn judge(&self, text: &str, chars: usize) -> Verdict {
        if chars > BANNER {
            return Verdict {
                reason: None,
                credit_word: true,
            };
        }
        if chars <= SHORT && is_breadcrumb(text) {
            return Verdict {
                reason: Some(Navigation),
                credit_word: true,
            };
        }
        let (opening, floating) = {
            let mut caches = self.caches.get();
            let caches = &mut *caches;
            (
                self.opening.scan(&mut caches.opening, text),
                self.floating.scan(&mut caches.floating, text),
            )
        };
        // The first entry by rank that matched and may judge a line this
        // long: a whole-line entry, if any matched, on a line short enough
        // for one.
        let mut first: Option<(usize, Reason)> = None;
        let mut meet = |k: usize, e: &Entry| {
            if chars <= e.max_chars && first.is_none_or(|(f, _)| k < f) && self.confirms(e, text) {
                first = Some((k, e.reason));
            }
        };
        for i in bits(opening) {
            if let Some((k, e)) = self.opening_entries.get(i) {
                meet(*k, e);
            }
        }
        let mut credit_word = false;
        for i in bits(floating) {
            match self.floating_entries.get(i) {
                Some((k, e)) => meet(*k, e),
                None => credit_word = true,
            }
        }
        Verdict {
            reason: first.map(|(_, r)| r),
            credit_word,
        }
    }
}

/// The indices of the bits set in `found`, ascending.
fn bits(mut found: Found) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (found != 0).then(|| {
            let i = found.trailing_zeros() as usize;
            found &= found - 1;
            i
        })
    })
}

impl Compiled {
    /// Does `text`, which an entry's scan matched, match its pattern?
    fn confirms(&self, entry: &Entry, text: &str) -> bool {
        entry.scan.is_none()
            || self
                .confirm
                .iter()
                .find(|(e, _)| std::ptr::eq(*e, entry))
                .is_some_and(|(_, regex)| regex.is_match(text))
    }
}

/// `Home › News › World`: two to seven short segments (at most four words
/// each) joined by a breadcrumb separator. Code, not a regex: a counted
/// repetition over Unicode letter classes blows up the lexicon's DFA.
fn is_breadcrumb(text: &str) -> bool {
    // Every separator holds one of these bytes (`›` ends in 0xBA, `»` in
    // 0xBB, `→` in 0x92): one scan rules out most lines before six substring
    // searches.
    const SEPARATOR_BYTE: [bool; 256] = {
        let mut t = [false; 256];
        let bytes = [b'>', b'/', b'|', 0xBA, 0xBB, 0x92];
        let mut i = 0;
        while i < bytes.len() {
            t[bytes[i] as usize] = true;
            i += 1;
        }
        t
    };
    if !text.bytes().any(|b| SEPARATOR_BYTE[usize::from(b)]) {
        return false;
    }
    for sep in [" › ", " » ", " > ", " / ", " → ", " | "] {
        if !text.contains(sep) {
            continue;
        }
        let parts: Vec<&str> = text.split(sep).map(str::trim).collect();
        if (2..=7).contains(&parts.len())
            && parts.iter().all(|p| {
                let words = p.split_whitespace().count();
                (1..=4).contains(&words)
                    && !p.ends_with(['.', '!', '?'])
                    && p.chars().next().is_some_and(char::is_alphabetic)
            })
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lexicon_is_shared_across_threads() {
        fn shared<T: Send + Sync>() {}
        shared::<Lexicon>();
        // Each thread judges with caches of its own, alike.
        let lex = Lexicon::new();
        let lines = ["Share on Facebook", "Jane Doe/Reuters", "We use cookies."];
        let here: Vec<Verdict> = lines
            .iter()
            .map(|s| lex.judge(s, s.chars().count()))
            .collect();
        std::thread::scope(|scope| {
            for _ in 0..2 {
                scope.spawn(|| {
                    for (s, v) in lines.iter().zip(&here) {
                        assert_eq!(lex.judge(s, s.chars().count()), *v, "{s:?}");
                    }
                });
            }
        });
    }

    #[test]
    fn the_set_scan_agrees_with_regex_set() {
        // One pass of the lazy DFA names the entries `RegexSet::matches`
        // names, on lines that match some, none, or quit the DFA.
        let lex = Lexicon::new();
        let (short, banner): (Vec<&Entry>, Vec<&Entry>) =
            ENTRIES.iter().partition(|e| e.max_chars <= SHORT);
        let scans: Vec<&str> = short
            .into_iter()
            .chain(banner)
            .map(|e| e.scan.unwrap_or(e.pattern))
            .collect();
        let build = |ps: Vec<&str>| {
            regex::RegexSetBuilder::new(ps.into_iter().map(crate::extract::ascii_bounds))
                .case_insensitive(true)
                .size_limit(256 << 20)
                .dfa_size_limit(64 << 20)
                .build()
                .expect("valid")
        };
        let opening = build(
            scans
                .iter()
                .copied()
                .filter(|p| p.starts_with('^'))
                .collect(),
        );
        let floating = build(
            scans
                .iter()
                .copied()
                .filter(|p| !p.starts_with('^'))
                .chain([figure::CREDIT_WORDS])
                .collect(),
        );
        let mut caches = lex.caches.get();
        for s in [
            "",
            "Share",
            "Share on Facebook",
            "Facebook Twitter Email",
            "Jane Doe/Reuters",
            "Photo: AP",
            "We use cookies to improve your experience. Accept all cookies",
            "Sign up for our free daily newsletter",
            "The council met again on Monday.",
            "Поделиться",
            "分享到",
            "Comments are closed. I commenti non saranno pubblicati.",
            "Reporting by Jane Doe; Editing by John Roe",
        ] {
            let want =
                |set: &regex::RegexSet| set.matches(s).iter().fold(0, |f: Found, i| f | 1 << i);
            assert_eq!(
                lex.opening.scan(&mut caches.opening, s),
                want(&opening),
                "{s:?}"
            );
            assert_eq!(
                lex.floating.scan(&mut caches.floating, s),
                want(&floating),
                "{s:?}"
            );
        }
    }

    #[test]
    fn the_scan_tells_lines_without_credit_words() {
        let lex = Lexicon::new();
        let credit_word = |s: &str| lex.judge(s, s.chars().count()).credit_word;
        assert!(credit_word("Jane Doe/Reuters"));
        assert!(credit_word("Share on Facebook Photo: AP"));
        assert!(credit_word(&format!(
            "{} (Getty Images)",
            "A man walks his dog. ".repeat(6)
        )));
        assert!(!credit_word("Business Markets Technology"));
        assert!(!credit_word(&"The council met again on Monday. ".repeat(4)));
        let credit_words =
            regex::Regex::new(&crate::extract::ascii_bounds(figure::CREDIT_WORDS)).expect("valid");
        for s in [
            "Photographer",
            "happy",
            "AP",
            "Ap.",
            "EPAs",
            "photo_1",
            "Shutterstock",
        ] {
            assert!(!credit_words.is_match(s) || credit_word(s), "{s:?}");
        }
    }

    #[test]
    fn judges_ui_strings_in_many_languages() {
        let lex = Lexicon::new();
        let j = |s: &str| lex.judge(s, s.chars().count()).reason;
        assert_eq!(j("Share on Facebook"), Some(ShareWidget));
        assert_eq!(j("Follow RT on"), Some(ShareWidget));
        assert_eq!(j("Reply Quote Like"), Some(CommentPrompt));
        assert_eq!(j("Like · Reply · Report"), Some(CommentPrompt));
        assert_eq!(j("Follow The Times on Twitter"), Some(ShareWidget));
        assert_eq!(
            j("Like this story? Share it with a friend!"),
            Some(ShareWidget)
        );
        assert_eq!(j("Follow the money: how the ferry was paid for"), None);
        assert_eq!(j("Teilen"), Some(ShareWidget));
        assert_eq!(j("Partager"), Some(ShareWidget));
        assert_eq!(j("log in or register"), Some(LoginPrompt));
        assert_eq!(j("To participate in the discussion"), Some(LoginPrompt));
        assert_eq!(j("Войти"), Some(LoginPrompt));
        assert_eq!(j("12 Comments"), Some(CommentPrompt));
        assert_eq!(
            j("42 Comments on “Ten Films to Watch on a Rainy Sunday Afternoon in the Country”"),
            Some(CommentPrompt)
        );
        assert_eq!(
            j("One thought on “A walk in the park”"),
            Some(CommentPrompt)
        );
        assert_eq!(j("Kommentare"), Some(CommentPrompt));
        assert_eq!(
            j("We use cookies to give you the best experience on our website."),
            Some(CookieNotice)
        );
        assert_eq!(j("Sign up for our daily newsletter"), Some(Newsletter));
        assert_eq!(j("Advertisement"), Some(Advertisement));
        assert_eq!(j("Anzeige"), Some(Advertisement));
        assert_eq!(j("Home › News › World"), Some(Navigation));
        assert_eq!(
            j("© 2023 Example Media. All rights reserved."),
            Some(Footer)
        );
        assert_eq!(j("You may also like"), Some(Related));
        assert_eq!(
            j("Supported Versions: Current (18) / 17 / 16 / 15 / 14"),
            Some(Navigation)
        );
        assert_eq!(j("Other versions: latest | stable | 4.2"), Some(Navigation));
        assert_eq!(
            j("Versions: this release fixes two bugs in the parser."),
            None
        );
        // Entries judge lines up to their own length: a teaser cut off with an
        // ellipsis is short; a long paragraph that trails off is not.
        assert_eq!(
            j("Council votes to rebuild the pier as ferry numbers..."),
            Some(Related)
        );
        assert_eq!(
            j(&format!(
                "{}and then...",
                "The council met again on Monday. ".repeat(12)
            )),
            None
        );
        assert_eq!(
            j("Our service desk answers questions: Telephone: +1 555 0100, Fax: +1 555 0101, E-mail: desk@example.com"),
            Some(Footer)
        );
        assert_eq!(
            j("Unless stated otherwise, the content of this page is licensed under the Example Open License, and code samples are licensed under the MIT License."),
            Some(Footer)
        );
        assert_eq!(
            j("Text is available under the Example Share-Alike License; additional terms may apply."),
            Some(Footer)
        );
    }

    #[test]
    fn a_whole_line_entry_outranks_a_banner_phrase_across_the_sets() {
        let lex = Lexicon::new();
        let j = |s: &str| lex.judge(s, s.chars().count()).reason;
        // Footer links (whole-line, opening set) before the cookie and
        // consent phrases (banner, floating set) both match.
        assert_eq!(j("Cookie Policy"), Some(Footer));
        assert_eq!(j("Do Not Sell My Personal Information"), Some(Footer));
        // On a line too long for a whole-line entry the banner phrase judges.
        assert_eq!(
            j("Read our Cookie Policy to learn how we and our partners use the data we collect."),
            Some(CookieNotice)
        );
    }

    #[test]
    fn leaves_prose_alone() {
        let lex = Lexicon::new();
        let j = |s: &str| lex.judge(s, s.chars().count()).reason;
        assert_eq!(
            j("The library is licensed under the MIT License, so you may use it in closed-source products."),
            None
        );
        assert_eq!(
            j("Share prices fell sharply on Monday after the central bank raised rates."),
            None
        );
        assert_eq!(
            j("He said the comments were taken out of context by the press."),
            None
        );
        assert_eq!(j("The home team won the match in extra time."), None);
    }

    #[test]
    fn a_loose_scan_is_held_to_the_pattern() {
        let lex = Lexicon::new();
        let j = |s: &str| lex.judge(s, s.chars().count()).reason;
        // Every entry's scan matches wherever its pattern does.
        for e in ENTRIES {
            if let Some(scan) = e.scan {
                let build = |p: &str| {
                    RegexBuilder::new(&crate::extract::ascii_bounds(p))
                        .case_insensitive(true)
                        .build()
                        .expect("valid")
                };
                let (pattern, scan) = (build(e.pattern), build(scan));
                for s in [
                    "Jane Doe says:",
                    "Facebook Twitter Email",
                    "Share Facebook Twitter",
                    "12 Comments on “A walk in the park”",
                    "Comments are closed. I commenti non saranno pubblicati.",
                    "By using this site you agree to our use of cookies.",
                    "Sign up for our free daily newsletter",
                    "Sign up for breaking news alerts",
                    "Get the Morning Briefing newsletter",
                    "Reporting by Jane Doe; Editing by John Roe",
                    "More top stories",
                    "More from Sport",
                    "Tel: +1 555 0100, Fax: +1 555 0101, E-mail: desk@example.com",
                ] {
                    assert!(!pattern.is_match(s) || scan.is_match(s), "{s:?}");
                }
            }
        }
        // A line the scan lets through is still judged by the pattern.
        assert_eq!(j("Jane Doe says:"), Some(CommentPrompt));
        assert_eq!(j("The chair of the regional council says:"), None);
        assert_eq!(j("Facebook Twitter Email"), Some(ShareWidget));
        assert_eq!(
            j("Our Facebook Twitter accounts were hacked last year"),
            None
        );
        assert_eq!(j("More top stories"), Some(Related));
        assert_eq!(j("More rain is expected along the coast tonight"), None);
        assert_eq!(j("Sign up for our free daily newsletter"), Some(Newsletter));
        let prose = "Sign up for the course early, because the college says that the waiting list for its autumn newsletter writing class is long.";
        assert_eq!(j(prose), None);
        assert_eq!(
            j("Reporting by Jane Doe; Editing by John Roe"),
            Some(Metadata)
        );
    }
}
