// The history report, drawn from the numbers the server computes (GET /v1/history/report, or
// embedded in the file `postcoach report --html` writes). The same module serves both: the
// extension's report page imports it, the HTML file inlines it. Every chart has a table beside
// it (its text alternative), and every reading says how many posts it rests on.
// No innerHTML: every text goes in through textContent.

const NETWORK_NAMES = { facebook: 'Facebook', linkedin: 'LinkedIn' };
const NETWORK_COLOURS = { facebook: '#3b5bdb', linkedin: '#d9480f' };
const MIX_COLOURS = { salesy: '#c92a2a', bait: '#e67700', invitation: '#2b8a3e', diva: '#862e9c' };

const TEXT = {
  fr: {
    title: 'Post Coach — ce que dit votre historique',
    period: (first, last) => `Du ${first} au ${last}`,
    brand: (name) => `Marque : ${name}`,
    totals: (posts, replies) => `${posts} publications et ${replies} réponses analysées`,
    empty: "Aucune publication dans l'historique pour cette période. Importez l'export de vos réseaux (réglages de l'extension, ou `postcoach history import`) ou publiez depuis un éditeur coaché.",
    table: 'Les chiffres en tableau',
    language: 'Language',
    generated: (when, version) => `Rapport généré le ${when} par Post Coach ${version}, sur cet ordinateur.`,
    cadenceTitle: 'Cadence : publiez-vous régulièrement ?',
    cadenceSeed: '« pas de constance … publier de façon irrégulière »',
    cadenceChart: 'Publications par semaine et par réseau',
    cadenceLine: (network, s) => `${network} : ${s.posts} publications, ${fmt(s.per_week, 'fr')} par semaine en moyenne ; ${s.empty_weeks} semaine(s) sur ${s.weeks} sans rien ; plus longue absence : ${s.longest_gap_days} jours (à partir du ${s.longest_gap_from}). Rythme ${REGULARITY.fr[s.regularity]}.`,
    week: 'Semaine du',
    mixTitle: 'Le mélange : que publiez-vous ?',
    mixSeed: '« placard publicitaire » ; « jouer les divas » ; « Like si tu aimes »',
    mixChart: 'Part des publications de chaque sorte, par mois',
    mixLine: (o) => `Sur toute la période : ${pct(o.salesy.share)} de publications publicitaires, ${pct(o.bait.share)} d'appâts à engagement, ${pct(o.diva.share)} de « divas » qui ne parlent que de la marque, et ${pct(o.invitation.share)} qui invitent vraiment à répondre.`,
    month: 'Mois',
    posts: 'Publications',
    kinds: { salesy: 'Publicitaires', bait: 'Appâts', invitation: 'Invitent à répondre', diva: 'Divas' },
    dupTitle: 'Le même post partout ?',
    dupSeed: '« publier la même chose sur tous les médias sociaux »',
    dupNone: "Aucune paire de publications presque identiques d'un réseau à l'autre : chaque réseau a ses textes.",
    dupLine: (n) => `${n} paire(s) de publications presque identiques d'un réseau à l'autre (mêmes suites de mots à 50 % ou plus).`,
    similarity: 'Ressemblance',
    first: 'Publié d’abord',
    second: 'Puis',
    daysApart: 'Jours d’écart',
    voiceTitle: 'La voix de chaque réseau',
    voiceSeed: '« trop étouffant sur LinkedIn et plutôt décontracté sur Facebook »',
    voiceChart: 'Tutoiement, vouvoiement, emoji et « ! » par réseau (en % des publications)',
    voiceMeasures: { tu: 'Tutoient', vous: 'Vouvoient', with_emoji: 'Avec emoji', with_exclamation: 'Avec « ! »' },
    voiceLine: (network, v) => `${network} : ${v.posts} publications ; ${v.addressed_posts ? `${pct(v.tu)} tutoient, ${pct(v.vous)} vouvoient, ${pct(v.mixed)} mélangent (sur ${v.addressed_posts} en français qui s'adressent au lecteur)` : 'aucune publication en français ne s’adresse au lecteur'} ; formalité moyenne ${v.formality}/100 ; ${fmt(v.emoji, 'fr')} emoji et ${fmt(v.exclamations, 'fr')} « ! » par publication.`,
    voiceGap: 'Les deux réseaux ne parlent pas de la même voix : est-ce voulu ? Une marque peut être plus proche sur Facebook, mais pas devenir une autre marque.',
    voiceSame: 'La voix est cohérente d’un réseau à l’autre.',
    network: 'Réseau',
    formality: 'Formalité',
    emojiPerPost: 'Emoji par publication',
    exclamationsPerPost: '« ! » par publication',
    repliesTitle: 'Les réponses : combien tournent au conflit ?',
    repliesSeed: '« très mal perçu si vous adoptez une posture défensive »',
    repliesChart: 'Part des réponses avec un signal de conflit, par mois',
    repliesLine: (r) => `${r.with_conflict} réponse(s) sur ${r.total} (${pct(r.share)}) ont un signal de conflit : posture défensive, plainte traitée en public, ou pas d'excuse.`,
    repliesNone: 'Aucune réponse dans l’historique : importez vos commentaires (comments.json de Facebook) ou répondez depuis un éditeur coaché.',
    replies: 'Réponses',
    withConflict: 'Avec conflit',
    figuresTitle: 'Ce que disent vos propres chiffres',
    figuresSeed: '« se focaliser sur les chiffres au lieu de viser la qualité des interactions »',
    figuresNone: 'Aucune publication n’a de chiffres (réactions, commentaires) : importez l’export de la Meta Business Suite ou des statistiques de votre page LinkedIn pour les avoir.',
    figuresCount: (n) => `${n} publication(s) ont des chiffres connus. Les moyennes sont données avec un intervalle de confiance à 95 % approximatif ; une tranche de moins de ${MIN} publications n'en a pas, et aucune comparaison n'est faite sans assez de publications des deux côtés.`,
    bySalesiness: 'Commentaires et réactions moyens selon le score « Vente »',
    byInteraction: 'Commentaires et réactions moyens selon le score « Échange »',
    band: 'Tranche',
    bands: { low: 'bas (0–33)', middle: 'moyen (34–66)', high: 'haut (67–100)' },
    comments: 'Commentaires',
    reactions: 'Réactions',
    interval: 'intervalle 95 %',
    verdict: {
      salesiness_comments: {
        low_more: 'Vos publications peu publicitaires reçoivent nettement plus de commentaires que les publicitaires.',
        high_more: 'Vos publications publicitaires reçoivent nettement plus de commentaires : vos chiffres ne confirment pas ici le conseil général.',
        no_clear_difference: 'Pas de différence nette de commentaires entre publications peu et très publicitaires.',
        too_thin: 'Trop peu de publications dans les tranches « bas » et « haut » pour comparer les commentaires : rien n’est affirmé.',
      },
      interaction_comments: {
        low_more: 'Les publications qui invitent peu à répondre reçoivent pourtant plus de commentaires.',
        high_more: 'Les publications qui invitent à répondre reçoivent nettement plus de commentaires.',
        no_clear_difference: 'Pas de différence nette de commentaires selon que la publication invite à répondre ou non.',
        too_thin: 'Trop peu de publications dans les tranches « bas » et « haut » pour comparer les commentaires : rien n’est affirmé.',
      },
    },
    best: 'Vos publications qui ont suscité le plus d’échanges',
    worst: 'Celles qui en ont suscité le moins',
    rankingThin: (n, min) => `Il faut au moins ${min} publications avec des chiffres pour désigner les meilleures et les moins bonnes (${n} pour l'instant).`,
    hints: 'Conseils à la publication',
    noHints: 'aucun conseil',
    scores: (s) => `Vente ${s.salesiness} · Échange ${s.interaction} · Ton ${s.tone}`,
    figuresOf: (f) => `${f.comments ?? '?'} commentaires · ${f.reactions ?? '?'} réactions · ${f.shares ?? '?'} partages`,
  },
  en: {
    title: 'Post Coach — what your history says',
    period: (first, last) => `From ${first} to ${last}`,
    brand: (name) => `Brand: ${name}`,
    totals: (posts, replies) => `${posts} posts and ${replies} replies analysed`,
    empty: 'No post in the history for this period. Import your networks’ exports (extension settings, or `postcoach history import`) or publish from a coached composer.',
    table: 'The figures as a table',
    language: 'Langue',
    generated: (when, version) => `Report made on ${when} by Post Coach ${version}, on this computer.`,
    cadenceTitle: 'Cadence: do you post regularly?',
    cadenceSeed: '“no consistency … posting irregularly”',
    cadenceChart: 'Posts per week and per network',
    cadenceLine: (network, s) => `${network}: ${s.posts} posts, ${fmt(s.per_week, 'en')} a week on average; ${s.empty_weeks} of ${s.weeks} week(s) with nothing; longest silence: ${s.longest_gap_days} days (from ${s.longest_gap_from}). ${REGULARITY.en[s.regularity]} rhythm.`,
    week: 'Week of',
    mixTitle: 'The mix: what do you post?',
    mixSeed: '“a billboard”; “playing the diva”; “Like if you love”',
    mixChart: 'Share of posts of each kind, per month',
    mixLine: (o) => `Over the whole period: ${pct(o.salesy.share)} of posts read as ads, ${pct(o.bait.share)} are engagement bait, ${pct(o.diva.share)} are “diva” posts about the brand only, and ${pct(o.invitation.share)} genuinely invite an answer.`,
    month: 'Month',
    posts: 'Posts',
    kinds: { salesy: 'Salesy', bait: 'Bait', invitation: 'Invite an answer', diva: 'Diva' },
    dupTitle: 'The same post everywhere?',
    dupSeed: '“publishing the same thing on every social network”',
    dupNone: 'No pair of nearly identical posts across networks: each network has its own texts.',
    dupLine: (n) => `${n} pair(s) of nearly identical posts across networks (the same runs of words, 50 % or more).`,
    similarity: 'Resemblance',
    first: 'Published first',
    second: 'Then',
    daysApart: 'Days apart',
    voiceTitle: 'The voice of each network',
    voiceSeed: '“too stiff on LinkedIn and rather casual on Facebook”',
    voiceChart: 'Tu, vous, emoji and “!” per network (as % of posts)',
    voiceMeasures: { tu: 'Say tu', vous: 'Say vous', with_emoji: 'With emoji', with_exclamation: 'With “!”' },
    voiceLine: (network, v) => `${network}: ${v.posts} posts; ${v.addressed_posts ? `${pct(v.tu)} say tu, ${pct(v.vous)} say vous, ${pct(v.mixed)} mix them (of ${v.addressed_posts} French posts that address the reader)` : 'no French post addresses the reader'}; average formality ${v.formality}/100; ${fmt(v.emoji, 'en')} emoji and ${fmt(v.exclamations, 'en')} “!” per post.`,
    voiceGap: 'The two networks do not speak with the same voice: is that intended? A brand can be closer on Facebook, but not become another brand.',
    voiceSame: 'The voice is consistent from one network to the other.',
    network: 'Network',
    formality: 'Formality',
    emojiPerPost: 'Emoji per post',
    exclamationsPerPost: '“!” per post',
    repliesTitle: 'Replies: how many turn into a conflict?',
    repliesSeed: '“very badly received if you become defensive”',
    repliesChart: 'Share of replies with a conflict signal, per month',
    repliesLine: (r) => `${r.with_conflict} of ${r.total} replies (${pct(r.share)}) show a conflict signal: defensive, a complaint handled in public, or no apology.`,
    repliesNone: 'No reply in the history: import your comments (Facebook’s comments.json) or reply from a coached composer.',
    replies: 'Replies',
    withConflict: 'With conflict',
    figuresTitle: 'What your own figures say',
    figuresSeed: '“focusing on numbers instead of the quality of interactions”',
    figuresNone: 'No post has figures (reactions, comments): import the Meta Business Suite export or your LinkedIn Page analytics to get them.',
    figuresCount: (n) => `${n} post(s) have known figures. Averages come with an approximate 95 % confidence interval; a band with fewer than ${MIN} posts gets none, and no comparison is made without enough posts on both sides.`,
    bySalesiness: 'Average comments and reactions by Salesiness score',
    byInteraction: 'Average comments and reactions by Interaction score',
    band: 'Band',
    bands: { low: 'low (0–33)', middle: 'middle (34–66)', high: 'high (67–100)' },
    comments: 'Comments',
    reactions: 'Reactions',
    interval: '95 % interval',
    verdict: {
      salesiness_comments: {
        low_more: 'Your least salesy posts get clearly more comments than the salesy ones.',
        high_more: 'Your salesy posts get clearly more comments: here your figures do not bear out the general advice.',
        no_clear_difference: 'No clear difference in comments between barely and very salesy posts.',
        too_thin: 'Too few posts in the “low” and “high” bands to compare comments: nothing is claimed.',
      },
      interaction_comments: {
        low_more: 'Posts that barely invite an answer get more comments all the same.',
        high_more: 'Posts that invite an answer get clearly more comments.',
        no_clear_difference: 'No clear difference in comments whether a post invites an answer or not.',
        too_thin: 'Too few posts in the “low” and “high” bands to compare comments: nothing is claimed.',
      },
    },
    best: 'Your posts that drew the most conversation',
    worst: 'Those that drew the least',
    rankingThin: (n, min) => `At least ${min} posts with figures are needed to name the best and the weakest (${n} so far).`,
    hints: 'Hints at publication',
    noHints: 'no hint',
    scores: (s) => `Salesiness ${s.salesiness} · Interaction ${s.interaction} · Tone ${s.tone}`,
    figuresOf: (f) => `${f.comments ?? '?'} comments · ${f.reactions ?? '?'} reactions · ${f.shares ?? '?'} shares`,
  },
};
const REGULARITY = {
  fr: { regular: 'régulier', uneven: 'inégal', irregular: 'irrégulier' },
  en: { regular: 'Regular', uneven: 'Uneven', irregular: 'Irregular' },
};
let MIN = 10;

function pct(share) {
  return share === null || share === undefined ? '—' : `${Math.round(share * 100)} %`;
}

function fmt(number, lang) {
  return number === null || number === undefined ? '—' : number.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

function table(caption, header, rows) {
  const body = element('tbody');
  for (const row of rows) body.append(element('tr', {}, ...row.map((cell) => element('td', {}, String(cell ?? '—')))));
  return element(
    'details',
    { class: 'table' },
    element('summary', {}, caption),
    element('table', {}, element('thead', {}, element('tr', {}, ...header.map((h) => element('th', { scope: 'col' }, h)))), body),
  );
}

function section(id, title, seed) {
  return element('section', { id, 'aria-labelledby': `${id}-title` }, element('h2', { id: `${id}-title` }, title), element('p', { class: 'seed' }, seed));
}

/** A chart whose canvas is described by the table beside it. */
function chart(Chart, charts, name, label, config) {
  const canvas = element('canvas', { role: 'img', 'aria-label': label, 'data-chart': name });
  const box = element('figure', { class: 'chart' }, element('figcaption', {}, label), element('div', { class: 'canvas' }, canvas));
  if (Chart) charts.push(new Chart(canvas, { ...config, options: { animation: false, responsive: true, maintainAspectRatio: false, ...config.options } }));
  return box;
}

const percentAxis = { y: { min: 0, max: 100, ticks: { callback: (v) => `${v} %` } } };
const toPercent = (values) => values.map((v) => (v === null ? null : Math.round(v * 100)));

function cadenceSection(data, t, Chart, charts) {
  const { cadence } = data;
  const part = section('cadence', t.cadenceTitle, t.cadenceSeed);
  const networks = Object.keys(cadence.per_network);
  for (const network of networks) part.append(element('p', { class: 'reading' }, t.cadenceLine(NETWORK_NAMES[network], cadence.networks[network])));
  part.append(
    chart(Chart, charts, 'cadence', t.cadenceChart, {
      type: 'bar',
      data: {
        labels: cadence.weeks,
        datasets: networks.map((n) => ({ label: NETWORK_NAMES[n], data: cadence.per_network[n], backgroundColor: NETWORK_COLOURS[n] })),
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    }),
    table(t.table, [t.week, ...networks.map((n) => NETWORK_NAMES[n])], cadence.weeks.map((week, i) => [week, ...networks.map((n) => cadence.per_network[n][i])])),
  );
  return part;
}

function mixSection(data, t, Chart, charts) {
  const { mix } = data;
  const kinds = ['salesy', 'bait', 'diva', 'invitation'];
  const part = section('mix', t.mixTitle, t.mixSeed);
  part.append(
    element('p', { class: 'reading' }, t.mixLine(mix.overall)),
    chart(Chart, charts, 'mix', t.mixChart, {
      type: 'line',
      data: {
        labels: mix.months,
        datasets: kinds.map((kind) => ({ label: t.kinds[kind], data: toPercent(mix[kind]), borderColor: MIX_COLOURS[kind], backgroundColor: MIX_COLOURS[kind], spanGaps: true })),
      },
      options: { scales: percentAxis },
    }),
    table(t.table, [t.month, t.posts, ...kinds.map((k) => t.kinds[k])], mix.months.map((month, i) => [month, mix.posts[i], ...kinds.map((k) => pct(mix[k][i]))])),
  );
  return part;
}

function duplicatesSection(data, t) {
  const { duplicates } = data;
  const part = section('duplicates', t.dupTitle, t.dupSeed);
  if (!duplicates.count) {
    part.append(element('p', { class: 'reading' }, t.dupNone));
    return part;
  }
  const describe = (post) => `${NETWORK_NAMES[post.network]}, ${post.published_at.slice(0, 10)} — ${post.text}`;
  part.append(
    element('p', { class: 'reading' }, t.dupLine(duplicates.count)),
    element(
      'table',
      { class: 'pairs' },
      element('thead', {}, element('tr', {}, ...[t.similarity, t.first, t.second, t.daysApart].map((h) => element('th', { scope: 'col' }, h)))),
      element('tbody', {}, ...duplicates.pairs.map((pair) => element('tr', {}, element('td', {}, pct(pair.similarity)), element('td', {}, describe(pair.first)), element('td', {}, describe(pair.second)), element('td', {}, String(pair.days_apart))))),
    ),
  );
  return part;
}

function voiceGap(voice) {
  const { facebook, linkedin } = voice;
  if (!facebook || !linkedin) return null;
  const major = (v) => (v.addressed_posts ? (v.tu > v.vous ? 'tu' : 'vous') : null);
  const addressDiffers = major(facebook) && major(linkedin) && major(facebook) !== major(linkedin);
  const emojiGap = Math.abs((facebook.with_emoji ?? 0) - (linkedin.with_emoji ?? 0)) > 0.3;
  const formalityGap = Math.abs(facebook.formality - linkedin.formality) > 20;
  return addressDiffers || emojiGap || formalityGap;
}

function voiceSection(data, t, Chart, charts) {
  const { voice } = data;
  const networks = Object.keys(voice);
  const measures = ['tu', 'vous', 'with_emoji', 'with_exclamation'];
  const part = section('voice', t.voiceTitle, t.voiceSeed);
  for (const network of networks) part.append(element('p', { class: 'reading' }, t.voiceLine(NETWORK_NAMES[network], voice[network])));
  const gap = voiceGap(voice);
  if (gap !== null) part.append(element('p', { class: gap ? 'reading warn' : 'reading' }, gap ? t.voiceGap : t.voiceSame));
  part.append(
    chart(Chart, charts, 'voice', t.voiceChart, {
      type: 'bar',
      data: {
        labels: measures.map((m) => t.voiceMeasures[m]),
        datasets: networks.map((n) => ({ label: NETWORK_NAMES[n], data: toPercent(measures.map((m) => voice[n][m])), backgroundColor: NETWORK_COLOURS[n] })),
      },
      options: { scales: percentAxis },
    }),
    table(
      t.table,
      [t.network, t.posts, ...measures.map((m) => t.voiceMeasures[m]), t.formality, t.emojiPerPost, t.exclamationsPerPost],
      networks.map((n) => [NETWORK_NAMES[n], voice[n].posts, ...measures.map((m) => pct(voice[n][m])), voice[n].formality, voice[n].emoji, voice[n].exclamations]),
    ),
  );
  return part;
}

function repliesSection(data, t, Chart, charts) {
  const { replies } = data;
  const part = section('replies', t.repliesTitle, t.repliesSeed);
  if (!replies.total) {
    part.append(element('p', { class: 'reading' }, t.repliesNone));
    return part;
  }
  part.append(
    element('p', { class: 'reading' }, t.repliesLine(replies)),
    chart(Chart, charts, 'replies', t.repliesChart, {
      type: 'line',
      data: { labels: replies.months, datasets: [{ label: t.withConflict, data: toPercent(replies.conflict), borderColor: '#c92a2a', backgroundColor: '#c92a2a' }] },
      options: { scales: percentAxis },
    }),
    table(t.table, [t.month, t.replies, t.withConflict], replies.months.map((month, i) => [month, replies.replies[i], pct(replies.conflict[i])])),
  );
  return part;
}

function interval(value, t) {
  if (value.mean === null) return '—';
  return value.low === null ? `${value.mean}` : `${value.mean} (${t.interval} ${value.low}–${value.high})`;
}

function bandsChart(Chart, charts, name, label, bands, t) {
  return [
    chart(Chart, charts, name, label, {
      type: 'bar',
      data: {
        labels: bands.map((b) => `${t.bands[b.band]} · n=${b.posts}`),
        datasets: [
          { label: t.comments, data: bands.map((b) => b.comments.mean), backgroundColor: '#2b8a3e' },
          { label: t.reactions, data: bands.map((b) => b.reactions.mean), backgroundColor: '#adb5bd' },
        ],
      },
      options: { scales: { y: { beginAtZero: true } } },
    }),
    table(t.table, [t.band, t.posts, t.comments, t.reactions], bands.map((b) => [t.bands[b.band], b.posts, interval(b.comments, t), interval(b.reactions, t)])),
  ];
}

function postCard(post, t) {
  const hints = post.hints.length ? post.hints.map((h) => element('li', { class: `hint ${h.level}` }, h.message)) : [element('li', {}, t.noHints)];
  const head = `${NETWORK_NAMES[post.network]} · ${post.published_at.slice(0, 10)} · ${t.figuresOf(post.figures)}`;
  return element(
    'article',
    { class: 'post' },
    element('p', { class: 'meta' }, head),
    element('blockquote', {}, post.text),
    element('p', { class: 'meta' }, t.scores(post.scores)),
    element('p', { class: 'meta' }, `${t.hints} :`),
    element('ul', {}, ...hints),
  );
}

function figuresSection(data, t, Chart, charts) {
  const { figures } = data;
  MIN = figures.min_per_band;
  const part = section('figures', t.figuresTitle, t.figuresSeed);
  if (!figures.posts_with_figures) {
    part.append(element('p', { class: 'reading' }, t.figuresNone));
    return part;
  }
  part.append(
    element('p', { class: 'reading' }, t.figuresCount(figures.posts_with_figures)),
    element('p', { class: 'reading verdict', 'data-verdict': figures.verdicts.salesiness_comments }, t.verdict.salesiness_comments[figures.verdicts.salesiness_comments]),
    ...bandsChart(Chart, charts, 'by-salesiness', t.bySalesiness, figures.by_salesiness, t),
    element('p', { class: 'reading verdict', 'data-verdict': figures.verdicts.interaction_comments }, t.verdict.interaction_comments[figures.verdicts.interaction_comments]),
    ...bandsChart(Chart, charts, 'by-interaction', t.byInteraction, figures.by_interaction, t),
  );
  if (!figures.best.length) {
    part.append(element('p', { class: 'reading' }, t.rankingThin(figures.posts_with_figures, figures.min_for_ranking)));
    return part;
  }
  part.append(
    element('h3', {}, t.best),
    element('div', { class: 'posts' }, ...figures.best.map((p) => postCard(p, t))),
    element('h3', {}, t.worst),
    element('div', { class: 'posts' }, ...figures.worst.map((p) => postCard(p, t))),
  );
  return part;
}

/**
 * Draws the report in `container` (emptied first). `Chart` is Chart.js (the page loads the
 * vendored copy); without it the readings and tables are still all there. Returns a function
 * that destroys the charts, for a redraw in the other language.
 */
export function renderReport(container, data, { lang = 'fr', Chart = globalThis.Chart } = {}) {
  const t = TEXT[lang] ?? TEXT.fr;
  const charts = [];
  container.replaceChildren();
  container.setAttribute('lang', lang);
  const { totals, filters } = data;
  const header = element('header', {}, element('h1', {}, t.title));
  if (totals.first) header.append(element('p', {}, t.period(totals.first.slice(0, 10), totals.last.slice(0, 10))));
  if (filters.brand) header.append(element('p', {}, t.brand(filters.brand)));
  header.append(element('p', {}, t.totals(totals.posts, totals.replies)));
  container.append(header);
  if (!totals.posts && !totals.replies) {
    container.append(element('p', { class: 'reading empty' }, t.empty));
  } else {
    if (totals.posts) {
      container.append(
        cadenceSection(data, t, Chart, charts),
        mixSection(data, t, Chart, charts),
        duplicatesSection(data, t),
        voiceSection(data, t, Chart, charts),
      );
    }
    container.append(repliesSection(data, t, Chart, charts), figuresSection(data, t, Chart, charts));
  }
  container.append(element('footer', {}, t.generated(data.generated_at.slice(0, 10), data.postcoach)));
  container.dataset.reportReady = 'true';
  return () => charts.forEach((c) => c.destroy());
}

export const REPORT_LANGUAGES = Object.freeze(Object.keys(TEXT));
