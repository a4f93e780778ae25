/** Language of the generated report's own labels (the recommendation and response texts are printed as given). */
export type ExportLanguage = 'ru' | 'kk' | 'en';

/** One recommendation of the council and the department's response to it for the period (п.N). */
export interface ExportItem {
  /** The item number in the council's list, printed as «п.N.». */
  number: number;
  recommendation: string;
  /** Numbered parts of the recommendation, printed on their own lines as «1) …». */
  subItems?: { label: string; text: string }[];
  /** The department's response; paragraphs separated by newlines. `null` prints «Ответ не представлен». */
  response: string | null;
  /** Localized status label, printed as an optional line under the response. */
  status?: string;
}

/** A department's report to the council for one period, in the form of the seed report. */
export interface ExportReport {
  /** E.g. 'Информация ДП г. Алматы по исполнению рекомендаций Комиссии №7 …'; newlines split it into centred lines. */
  title: string;
  /** E.g. '2021, I квартал'. */
  periodLabel: string;
  generatedAt: Date;
  items: ExportItem[];
  /** Language of the labels ('Ответ не представлен', the footer); Russian by default. */
  language?: ExportLanguage;
}
