/**
 * Headline figures taken from the department's report to Commission No. 7
 * (seed/000_f569b146392469be.txt). They are real, so each cites its item (п.N).
 * The labels live in i18n under `home.figures.<key>`.
 */
export interface HeadlineFigure {
  key: 'posts' | 'sectors' | 'routes' | 'crews' | 'norm' | 'chats';
  value: number;
  /** A second value, when the figure compares two (norm vs. the council's ask). */
  compare?: number;
  item: number;
}

export const HEADLINE_FIGURES: readonly HeadlineFigure[] = [
  // п.1: «установлено 37 модульных круглосуточных постов полиции»
  { key: 'posts', value: 37, item: 1 },
  // п.6: «город разделен на 102 патрульных участка»
  { key: 'sectors', value: 102, item: 6 },
  // п.6: «разработано 2020 маршрутов патрулирования, из них: 478 автомобильных, 1487 пеших, 55 стационарных»
  { key: 'routes', value: 2020, item: 6 },
  // п.6: «2000 чел., из них 300 автомобильных и 250 пеших нарядов»
  { key: 'crews', value: 550, item: 6 },
  // п.9: норматив 2 300 жителей на участкового (приказ МВД РК №1026), совет просит 1 500
  { key: 'norm', value: 2300, compare: 1500, item: 9 },
  // п.1: участковые зарегистрированы «в 1750 общедомовых чатах КСК»
  { key: 'chats', value: 1750, item: 1 },
];
