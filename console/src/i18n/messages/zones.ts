export default {
  ko: {},
  en: {},
};
