import { mediaPaths, serveMedia } from '../../lib/media/media-route';

export const getStaticPaths = () => mediaPaths('jpg');
export const GET = serveMedia;
