// The gallery pages' script: the widget from source, delivering to the stand-in webhook.
import '../../src/define.js';
