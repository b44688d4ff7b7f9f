// Published serial intervals an epidemiologist may choose as the R_t input, beside the one observed in the
// platform's own chains (observed-serial-interval.ts). Means and sds in days, with the publication they are from.
import type { SerialIntervalParameters } from './rt.ts';

export interface PublishedSerialInterval extends SerialIntervalParameters {
  id: string;
  disease: { zh: string; en: string };
  source: string;
}

export const PUBLISHED_SERIAL_INTERVALS: readonly PublishedSerialInterval[] = [
  {
    id: 'covid19-nishiura-2020',
    disease: { zh: '新型冠状病毒肺炎（早期毒株）', en: 'COVID-19 (early strains)' },
    mean: 4.7,
    sd: 2.9,
    source:
      'Nishiura H, Linton NM, Akhmetzhanov AR. Serial interval of novel coronavirus (COVID-19) infections. Int J Infect Dis 2020;93:284–286',
  },
  {
    id: 'covid19-du-2020',
    disease: { zh: '新型冠状病毒肺炎（早期毒株，含负间隔）', en: 'COVID-19 (early strains, negative intervals included)' },
    mean: 3.96,
    sd: 4.75,
    source:
      'Du Z, Xu X, Wu Y, et al. Serial interval of COVID-19 among publicly reported confirmed cases. Emerg Infect Dis 2020;26(6):1341–1343',
  },
  {
    id: 'influenza-ferguson-2005',
    disease: { zh: '流行性感冒', en: 'Influenza' },
    mean: 2.6,
    sd: 1.5,
    source:
      'Ferguson NM, Cummings DAT, Cauchemez S, et al. Strategies for containing an emerging influenza pandemic in Southeast Asia. Nature 2005;437:209–214 (EpiEstim Flu2009)',
  },
  {
    id: 'sars-lipsitch-2003',
    disease: { zh: '传染性非典型肺炎（SARS）', en: 'SARS' },
    mean: 8.4,
    sd: 3.8,
    source:
      'Lipsitch M, Cohen T, Cooper B, et al. Transmission dynamics and control of severe acute respiratory syndrome. Science 2003;300:1966–1970',
  },
];
